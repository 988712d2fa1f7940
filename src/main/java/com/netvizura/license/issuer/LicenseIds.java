package com.netvizura.license.issuer;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.random.RandomGenerator;

/** Makes new license ids such as {@code NVZ-2026-7K3QDM}: year of issue and six random Crockford base32 characters. */
final class LicenseIds {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private LicenseIds() {
    }

    /** About a billion possible ids a year, readable over the phone (no I, L, O, U). */
    static String next(LocalDate issueDate) {
        StringBuilder sb = new StringBuilder("NVZ-").append(issueDate.getYear()).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(CROCKFORD.charAt(RANDOM.nextInt(CROCKFORD.length())));
        }
        return sb.toString();
    }
}

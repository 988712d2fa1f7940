package com.netvizura.license.issuer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an installation code before a key is bound to it, so that a mistyped or truncated code is refused at
 * issue time rather than discovered by the customer.
 */
final class InstallationCodes {

    /** {@code NVZ1-} and at least two groups of Crockford base32 (DESIGN.md section 4). */
    private static final Pattern SHAPE = Pattern.compile("NVZ1(-[0-9A-HJKMNP-TV-Z]{1,16}){2,}");

    private InstallationCodes() {
    }

    /**
     * The code in its normal form (upper case, no surrounding space).
     *
     * <p>This is the one place that decides whether a code is acceptable. It checks the shape only; it is meant to
     * switch to the machine package's decoder, which also checks the code's checksum.
     *
     * @throws IssuerException refused when the code is not an installation code
     */
    static String requireWellFormed(String code) throws IssuerException {
        String normal = code.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(normal).matches()) {
            throw IssuerException.refused("[" + code + "] is not an Installation Code (NVZ1-XXXXX-XXXXX-...);"
                    + " copy it again from the customer's License Details");
        }
        return normal;
    }
}

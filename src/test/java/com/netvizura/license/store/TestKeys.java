package com.netvizura.license.store;

import com.netvizura.license.model.Actor;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Stand-in key files for store tests: the store treats keys as bytes, so any bytes with an id line will do. */
final class TestKeys {

    /** Reads the {@code id: } line, as the service's reader reads the {@code jti} claim. */
    static final LicenseIdReader IDS = key -> new String(key, StandardCharsets.UTF_8).lines()
            .filter(line -> line.startsWith("id: "))
            .map(line -> line.substring(4))
            .findFirst();

    static final Actor ADMIN = new Actor("admin", "192.0.2.10");

    private TestKeys() {
    }

    /** A key of about 2 KiB, so that a torn write would show as a short or mixed file. */
    static byte[] key(String licenseId) {
        StringBuilder text = new StringBuilder("-----BEGIN TEST KEY-----\nid: ").append(licenseId).append('\n');
        for (int i = 0; i < 32; i++) {
            text.append(licenseId).append(" line ").append(i).append(" ".repeat(40)).append('\n');
        }
        return text.append("-----END TEST KEY-----\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static Optional<String> idOf(byte[] key) {
        return IDS.licenseIdOf(key);
    }
}

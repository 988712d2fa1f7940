package com.netvizura.license.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** The SHA-256 of a key file, in lower-case hex: how the store, and a confirmation of a held key, name exact bytes. */
public final class KeyDigest {

    private KeyDigest() {
    }

    public static String sha256(byte[] key) {
        Objects.requireNonNull(key, "key");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("ERROR_NO_SHA256: every Java runtime provides SHA-256", e);
        }
    }
}

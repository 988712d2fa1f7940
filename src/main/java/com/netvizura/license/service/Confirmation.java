package com.netvizura.license.service;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an admin confirms with Apply anyway: these exact key bytes (their SHA-256) against the license that was
 * active at this epoch. Either one differing when the key is applied makes the confirmation stale, and nothing is
 * applied. A value a page may keep and send back.
 *
 * @param keySha256 the SHA-256 of the held key file, lower-case hex
 * @param epoch     the license-change counter the key was compared at
 */
public record Confirmation(String keySha256, long epoch) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Confirmation {
        Objects.requireNonNull(keySha256, "keySha256");
        if (!SHA256_HEX.matcher(keySha256).matches() || epoch < 0) {
            throw new IllegalArgumentException("ERROR_CONFIRMATION: pass the 64 hex digits of a key's SHA-256 and a "
                    + "non-negative epoch, as LicenseHeldException.confirmation() gives them");
        }
    }
}

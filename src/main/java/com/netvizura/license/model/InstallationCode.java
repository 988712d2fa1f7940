package com.netvizura.license.model;

import java.util.Objects;

/**
 * The Installation Code of a server in its canonical text form ({@code NVZ1-XXXXX-XXXXX-...}), as shown on the
 * License page and written into keys. Only {@code machine.InstallationCodeCodec} makes or checks one; this type just
 * carries it to the parts that may not import {@code machine}.
 *
 * @param value the canonical text, upper case with hyphens
 */
public record InstallationCode(String value) {

    public InstallationCode {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("NVZ")) {
            throw new IllegalArgumentException("ERROR_NOT_CANONICAL: build an InstallationCode with InstallationCodeCodec, got ["
                    + value + "]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

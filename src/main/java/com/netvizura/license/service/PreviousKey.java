package com.netvizura.license.service;

import java.time.Instant;
import java.util.Objects;

/**
 * A key that was active before, as the License page lists it.
 *
 * @param licenseId the license id as the history file names it (reduced to {@code [A-Za-z0-9._-]})
 * @param retiredAt when it stopped being the active key
 */
public record PreviousKey(String licenseId, Instant retiredAt) {

    public PreviousKey {
        Objects.requireNonNull(licenseId, "licenseId");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }
}

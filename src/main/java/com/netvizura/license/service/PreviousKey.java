package com.netvizura.license.service;

import com.netvizura.license.model.License;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A key that was active before, as the License page's History lists it.
 *
 * @param fileName   the history file's name, {@code <UTC timestamp>_<license id>.key}: how
 *                   {@link LicenseService#previousKey(String)} finds it again (checked against the service's own list)
 * @param licenseId  the license id: the key's own when it verifies, else as the file name gives it (reduced to
 *                   {@code [A-Za-z0-9._-]})
 * @param retiredAt  when it stopped being the active key
 * @param license    the key's claims, when it still verifies with the vendor keys this build trusts
 * @param unreadable why it does not verify (an admin sentence), when it does not
 * @param applied    when, by whom and from where it was applied, as the audit log recorded it
 * @param activeNow  whether these exact bytes are the active key again (it was applied again from the history)
 */
public record PreviousKey(String fileName, String licenseId, Instant retiredAt, Optional<License> license,
        Optional<String> unreadable, Optional<Applied> applied, boolean activeNow) {

    /** The audit log's record of an apply. */
    public record Applied(Instant at, String user, String remoteAddress) {

        public Applied {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(remoteAddress, "remoteAddress");
        }
    }

    public PreviousKey {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(licenseId, "licenseId");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(unreadable, "unreadable");
        Objects.requireNonNull(applied, "applied");
    }
}

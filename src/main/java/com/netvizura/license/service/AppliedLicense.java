package com.netvizura.license.service;

import com.netvizura.license.model.License;
import com.netvizura.license.model.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of applying a key that was accepted.
 *
 * @param license       the license now active
 * @param verdict       what it allows here and now
 * @param changed       {@code false} when the key was already the active one (nothing was written)
 * @param epoch         the license-change counter after the apply; sessions older than it must log in again
 * @param warnings      admin sentences about steps after the key was stored that did not complete
 * @param renewal       when the key supersedes the license it replaced: what it renews and extends, e.g. "Renews
 *                      NVZ-2026-000123: maintenance and support until 2027-12-20 (was 2026-12-20)."
 */
public record AppliedLicense(License license, Verdict verdict, boolean changed, long epoch, List<String> warnings,
        Optional<String> renewal) {

    public AppliedLicense {
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(verdict, "verdict");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(renewal, "renewal");
    }
}

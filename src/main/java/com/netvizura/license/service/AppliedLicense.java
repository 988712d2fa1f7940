package com.netvizura.license.service;

import com.netvizura.license.model.License;
import com.netvizura.license.model.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of applying a key that was accepted.
 *
 * @param license       the license now active
 * @param verdict       what it allows here and now
 * @param changed       {@code false} when the key was already the active one (nothing was written)
 * @param epoch         the license-change counter after the apply; sessions older than it must log in again
 * @param warnings      admin sentences about steps after the key was stored that did not complete
 */
public record AppliedLicense(License license, Verdict verdict, boolean changed, long epoch, List<String> warnings) {

    public AppliedLicense {
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(verdict, "verdict");
        warnings = List.copyOf(warnings);
    }
}

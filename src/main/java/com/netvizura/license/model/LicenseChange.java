package com.netvizura.license.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new key changes compared with the license active now, in admin sentences: what a renewal extends, and what
 * would be lost item by item. Made by the pure comparison in {@code policy}; the License page only shows it.
 *
 * @param activeId the license id of the key that would be replaced
 * @param renewal  for a key whose {@code supersedes} names the active license: "Renews NVZ-...: maintenance and
 *                 support until 2027-12-20 (was 2026-12-20)"; empty for any other key
 * @param losses   what the new key gives less than the active one, in a fixed order (dates, type, modules, limits,
 *                 licensee); empty when it gives at least as much
 */
public record LicenseChange(String activeId, Optional<String> renewal, List<Loss> losses) {

    /** One thing the active license gives that the new key would not. */
    public record Loss(Kind kind, String sentence) {

        /** The kinds of loss, in the order they are listed. */
        public enum Kind {
            /** {@code maintenance_until} earlier: fewer days of maintenance and support, fewer versions covered. */
            MAINTENANCE_ENDS_EARLIER,
            /** {@code usage_until} earlier, or a usage end where the perpetual license had none. */
            USAGE_ENDS_EARLIER,
            /** A trial in place of a perpetual license or a subscription. */
            TRIAL_REPLACES_PAID,
            /** A module the active license has and the new key lacks (one loss per module). */
            MODULE_DROPPED,
            /** A limit lower than the active one, or a limit where the active license sets none (unlimited). */
            LIMIT_LOWER,
            /** Another licensee ({@code sub}). */
            OTHER_LICENSEE
        }

        public Loss {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sentence, "sentence");
        }
    }

    public LicenseChange {
        Objects.requireNonNull(activeId, "activeId");
        Objects.requireNonNull(renewal, "renewal");
        losses = List.copyOf(losses);
    }

    /** Whether the new key gives less than the active license: then it waits for the admin's Apply anyway. */
    public boolean givesLess() {
        return !losses.isEmpty();
    }

    /** The loss sentences, in their order. */
    public List<String> lossSentences() {
        return losses.stream().map(Loss::sentence).toList();
    }
}

package com.netvizura.license.store;

import java.util.List;

/**
 * What {@link LicenseStore#apply} did. {@code warnings} are admin sentences about things that went wrong after the
 * new key became active (the key is active all the same), e.g. an audit line that could not be written.
 */
public record ApplyOutcome(Result result, long epoch, List<String> warnings) {

    /** Whether the active key changed. */
    public enum Result {
        /** The key is now the active one; the previous key is in the history and the epoch went up by one. */
        APPLIED,
        /** The key was already active byte for byte: nothing changed, the epoch is the same. */
        ALREADY_ACTIVE,
        /** The epoch was not the one the caller expected (the active key changed meanwhile): nothing was written. */
        STALE
    }

    public ApplyOutcome {
        warnings = List.copyOf(warnings);
    }

    public boolean applied() {
        return result == Result.APPLIED;
    }
}

package com.netvizura.license.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the key file (setting {@code netvizura.license.keyFile}, DESIGN.md section 12) came to at its last check: the
 * License page shows {@link #sentence()}, and offers Apply anyway for a key that is {@link Outcome#HELD}.
 *
 * @param path      the file as set
 * @param outcome   what the check did
 * @param sentence  the admin sentence of the outcome (a refusal ends "Your current license is unchanged.")
 * @param checkedAt when the file was checked
 * @param held      the key that waits for Apply anyway; present only for {@link Outcome#HELD}
 */
public record KeyFileStatus(Path path, Outcome outcome, String sentence, Instant checkedAt, Optional<Held> held) {

    /** What the last check of the key file did. */
    public enum Outcome {
        /** The file holds the active key: nothing to do. */
        ACTIVE,
        /** The file's key was applied (by this node or, with the same bytes, by another one). */
        APPLIED,
        /** The file's key gives less than the active license: it waits for an admin's Apply anyway. */
        HELD,
        /** An admin cancelled the held key; the file is checked again when it changes. */
        CANCELLED,
        /** The file's key was refused; the license is unchanged. */
        REFUSED,
        /** No file at the path. */
        MISSING,
        /** The file exists but could not be read. */
        UNREADABLE;

        /** Whether the admin should look at it (the page shows it as a warning). */
        public boolean needsAttention() {
            return this != ACTIVE && this != APPLIED;
        }
    }

    /**
     * A key from the file that gives less than the active license.
     *
     * @param key    the key file's bytes, as Apply anyway must send them back
     * @param reason what it would lose and what Apply anyway confirms
     */
    public record Held(byte[] key, LicenseHeldException reason) {

        public Held {
            key = key.clone();
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }

    public KeyFileStatus {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(held, "held");
    }
}

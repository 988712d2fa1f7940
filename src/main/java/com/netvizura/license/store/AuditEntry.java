package com.netvizura.license.store;

import com.netvizura.license.model.Actor;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code audit.log}.
 *
 * @param licenseId the license id the line is about, or null when it was not known (e.g. an unreadable upload)
 * @param reason    why (refusal or failure sentence, repair note), or null
 */
public record AuditEntry(Instant time, String user, String remoteAddress, Action action, String licenseId,
                         Outcome outcome, String reason) {

    /** What was attempted. */
    public enum Action {
        /** An admin uploaded a key, confirmed or cancelled one that was held. */
        APPLY,
        /** The store repaired the directory after a crash or an outside change. */
        RECOVER
    }

    /** How it ended. */
    public enum Outcome {
        APPLIED,
        ALREADY_ACTIVE,
        REFUSED,
        FAILED,
        /** license.key differed from the last recorded apply; the epoch was raised so everyone reloads it. */
        KEY_CHANGED_OUTSIDE_APPLY,
        /** The line before was cut off by a crash and has been closed with a line break. */
        TORN_LINE_CLOSED,
        /** A usable key that gives less than the active one waits for the admin's Apply anyway; nothing changed. */
        HELD,
        /** The admin cancelled a held key; nothing changed. */
        CANCELLED,
        /** A history copy of the still-active key, left by an apply cut off before its commit, was removed. */
        HISTORY_COPY_REMOVED
    }

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    static AuditEntry of(Instant time, Actor actor, Action action, String licenseId, Outcome outcome, String reason) {
        return new AuditEntry(time, actor.user(), actor.remoteAddress(), action, licenseId, outcome, reason);
    }
}

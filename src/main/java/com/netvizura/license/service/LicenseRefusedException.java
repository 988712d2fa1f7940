package com.netvizura.license.service;

import java.util.Objects;

/**
 * A key the admin tried to apply was refused; the current license is unchanged. The message is one admin sentence
 * (what is wrong and what to do) without the closing "Your current license is unchanged.", which the page adds.
 */
public class LicenseRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a key was refused, for callers that react differently (tests, the audit log, the host application). */
    public enum Cause {
        /** Not a readable, correctly signed key of this product (see the message for the exact reason). */
        NOT_A_VALID_KEY,
        /** A correctly signed key that is not usable on this server today (other machine, expired, ...). */
        NOT_USABLE_HERE,
        /** The data directory could not take the key (disk full, read-only, no atomic move). */
        NOT_STORED,
        /**
         * A usable key that gives less than the active license: it waits for the admin's Apply anyway
         * ({@link LicenseHeldException} says what would be lost).
         */
        GIVES_LESS,
        /** Apply anyway for other key bytes than confirmed, or after the active license changed: nothing applied. */
        STALE_CONFIRMATION
    }

    private final Cause cause;

    public LicenseRefusedException(Cause cause, String message, Throwable origin) {
        super(Objects.requireNonNull(message, "message"), origin);
        this.cause = Objects.requireNonNull(cause, "cause");
    }

    public Cause refusal() {
        return cause;
    }
}

package com.netvizura.license.model;

/** What a license allows on this server today. */
public enum LicenseStatus {
    /** No license key has been applied. */
    NO_LICENSE(false),
    /** Usable, with maintenance. */
    VALID(true),
    /** Perpetual license past {@code maintenance_until}: keeps running versions released before that day. */
    MAINTENANCE_ENDED(true),
    /** This build was released after {@code maintenance_until}. */
    VERSION_NOT_COVERED(false),
    /** Subscription or trial within the grace days after {@code usage_until}. */
    GRACE(true),
    /** Past {@code usage_until} and its grace. */
    EXPIRED(false),
    /** {@code iat} lies more than the allowed skew in the future. */
    NOT_YET_VALID(false),
    /** The key is bound to another machine's installation code. */
    OTHER_MACHINE(false),
    /** This server stopped matching the key's installation code, and the key's hardware grace days still run. */
    HARDWARE_GRACE(true),
    /** The active key on disk no longer verifies (edited, swapped, or signed by an untrusted key). */
    INVALID(false);

    private final boolean operational;

    LicenseStatus(boolean operational) {
        this.operational = operational;
    }

    /** Whether NetVizura may run normally with this status. */
    public boolean operational() {
        return operational;
    }
}

package com.netvizura.license.service;

import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseChange;
import java.util.Objects;

/**
 * A correctly signed key, usable here, that gives less than the active license (ends earlier, fewer modules, lower
 * limits, another licensee, a trial in place of a paid license): it is not applied, and nothing changed but one audit
 * line. {@link #change()} lists what would be lost; {@link LicenseService#applyAnyway} with {@link #confirmation()}
 * applies it after the admin pressed Apply anyway, {@link LicenseService#cancel} records that they did not.
 *
 * <p>A refusal as far as a caller that does not know this class is concerned: the current license is unchanged.
 */
public final class LicenseHeldException extends LicenseRefusedException {

    private static final long serialVersionUID = 1L;

    private final transient License license;
    private final transient LicenseChange change;
    private final Confirmation confirmation;

    LicenseHeldException(String message, License license, LicenseChange change, Confirmation confirmation) {
        super(Cause.GIVES_LESS, message, null);
        this.license = Objects.requireNonNull(license, "license");
        this.change = Objects.requireNonNull(change, "change");
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
    }

    /** The held key's license. */
    public License license() {
        return license;
    }

    /** What it changes against the active license; {@link LicenseChange#losses()} is never empty. */
    public LicenseChange change() {
        return change;
    }

    /** What Apply anyway confirms: these key bytes against the license active now. */
    public Confirmation confirmation() {
        return confirmation;
    }
}

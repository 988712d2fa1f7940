package com.netvizura.license.machine;

import com.netvizura.license.model.InstallationCode;

/** The Installation Code of a machine, from the facts a {@link HardwareProbe} saw. */
public final class InstallationCodes {

    private InstallationCodes() {
    }

    /** The code of the machine {@code facts} describe; the same facts always give the same code. */
    public static InstallationCode of(MachineFacts facts) {
        return InstallationCodeCodec.encode(Fingerprint.of(facts));
    }
}

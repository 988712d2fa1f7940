package com.netvizura.license.policy;

import com.netvizura.license.model.MachineMatch;

/**
 * The server NetVizura runs on, as the policy sees it: something a key's installation code can be compared with.
 * The service adapts the machine part (hardware probe, installation code matching) to this interface, so that the
 * policy stays a pure function and its tests need no hardware.
 */
@FunctionalInterface
public interface ThisMachine {

    /**
     * Compares the installation code a key is bound to with this machine's hardware.
     *
     * @param installationCodeInKey the {@code installation_code} claim of a verified key
     * @return whether the key may be used here, and which components changed
     */
    MachineMatch compareWith(String installationCodeInKey);
}

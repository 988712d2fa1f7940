package com.netvizura.license.service;

import com.netvizura.license.machine.HardwareProbe;
import com.netvizura.license.machine.InstallationCodeException;
import com.netvizura.license.machine.InstallationCodeMatcher;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Messages;
import com.netvizura.license.policy.ThisMachine;
import java.util.Objects;
import java.util.Set;

/**
 * This server as probed once at start-up: its facts and Installation Code. Probing is slow (OSHI), so it happens
 * exactly once, in the constructor, never on a request.
 */
final class MachineIdentity implements ThisMachine {

    private final MachineFacts facts;
    private final InstallationCode code;

    MachineIdentity(HardwareProbe probe) {
        this.facts = Objects.requireNonNull(probe, "probe").probe();
        this.code = InstallationCodes.of(facts);
    }

    MachineFacts facts() {
        return facts;
    }

    InstallationCode installationCode() {
        return code;
    }

    @Override
    public MachineMatch compareWith(String installationCodeInKey) {
        try {
            return InstallationCodeMatcher.match(installationCodeInKey, code);
        } catch (InstallationCodeException e) {
            // A signed key with an unreadable code cannot be bound to this machine: fail closed.
            return new MachineMatch(false, Set.of(), Set.of(), Messages.get("service.machine.unreadableCode"));
        }
    }
}

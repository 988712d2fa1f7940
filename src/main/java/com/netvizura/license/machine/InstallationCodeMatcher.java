package com.netvizura.license.machine;

import com.netvizura.license.model.HardwareComponent;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Messages;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a key's Installation Code belongs to this server, tolerating partial hardware change.
 *
 * <p>The rule: the components present in both codes are <em>compared</em>; a component is <em>unchanged</em> when
 * its hashes are equal, and network cards are unchanged when any MAC hash of the key's code is among this server's
 * (so adding or removing one of several cards changes nothing). The key fits when at least two components are
 * compared (one, if the key's code carries only one) and more than half of the compared ones are unchanged: two of
 * two, two of three, three of four or five, four of six. A component that only one of the codes carries (e.g. the
 * hardware UUID when Tomcat runs without the right to read DMI data) is not held against the server.
 *
 * <p>A fitting key with changed components is still a match; the caller shows the change as a note. A key that does
 * not fit names the changed components ({@link MachineMatch#changeSentence()}). The processor id names a processor
 * model, not a unit, so it is weak on its own; the rule never accepts it alone unless the key carries nothing else.
 */
public final class InstallationCodeMatcher {

    private InstallationCodeMatcher() {
    }

    /**
     * Compares the code a key is bound to with this server's code.
     *
     * @throws InstallationCodeException when {@code codeInKey} is not a valid code; the key cannot be used here
     */
    public static MachineMatch match(String codeInKey, InstallationCode thisMachine) throws InstallationCodeException {
        Fingerprint key = InstallationCodeCodec.decode(codeInKey);
        Fingerprint here = InstallationCodeCodec.decode(thisMachine.value());
        return match(key, here);
    }

    static MachineMatch match(Fingerprint key, Fingerprint here) {
        Set<HardwareComponent> compared = EnumSet.noneOf(HardwareComponent.class);
        Set<HardwareComponent> changed = EnumSet.noneOf(HardwareComponent.class);
        for (HardwareComponent c : key.components()) {
            List<Integer> mine = here.hashes().get(c);
            if (mine == null) {
                continue;
            }
            compared.add(c);
            if (Collections.disjoint(key.hashes().get(c), mine)) {
                changed.add(c);
            }
        }
        int unchanged = compared.size() - changed.size();
        int required = Math.min(2, key.components().size());
        boolean matches = required > 0 && compared.size() >= required && unchanged * 2 > compared.size();
        return new MachineMatch(matches, compared, changed, Messages.get("machine.match.rule", unchanged, compared.size()));
    }
}

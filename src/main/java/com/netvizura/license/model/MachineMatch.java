package com.netvizura.license.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of comparing the installation code in a key with this machine's.
 *
 * @param matches  whether the key may be used on this machine under the matching rule
 * @param compared components present in both codes, which the rule compared
 * @param changed  compared components whose fingerprints differ
 * @param rule     the matching rule in words, for the admin
 */
public record MachineMatch(boolean matches, Set<HardwareComponent> compared, Set<HardwareComponent> changed, String rule) {

    public MachineMatch {
        compared = compared.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(compared));
        changed = changed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(changed));
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * What the License Details tell the vendor: the changed components, e.g. "processor, network card"; when the key
     * does not match without a component to name (codes not comparable), that it does not match; else empty.
     */
    public String changedForVendor() {
        if (changed.isEmpty()) {
            return matches ? "" : "the Installation Code no longer matches";
        }
        List<String> names = new ArrayList<>();
        for (HardwareComponent c : HardwareComponent.values()) {
            if (changed.contains(c)) {
                names.add(c.displayName());
            }
        }
        return String.join(", ", names);
    }

    /** A sentence such as "processor and network card changed since the key was issued", or empty. */
    public String changeSentence() {
        if (changed.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (HardwareComponent c : HardwareComponent.values()) {
            if (changed.contains(c)) {
                names.add(c.displayName());
            }
        }
        String joined = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return joined + " changed since the key was issued";
    }
}

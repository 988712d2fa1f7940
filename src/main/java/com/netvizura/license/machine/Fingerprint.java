package com.netvizura.license.machine;

import com.netvizura.license.model.HardwareComponent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The short salted hashes of a machine's components, which the Installation Code carries. Each present component
 * has one hash; network cards have up to {@link #MAX_NETWORK_CARDS}, one per MAC address. An absent component has
 * no entry. A hash is the first {@link #HASH_BITS} bits of SHA-256 over the product salt, the component's name and
 * its normalized value: short enough to type, long enough that two machines rarely share one by chance
 * (about one in a million per component), and not reversible to a serial number or MAC address.
 *
 * @param hashes the hashes per present component, in {@link HardwareComponent} order
 */
public record Fingerprint(Map<HardwareComponent, List<Integer>> hashes) {

    /** Bits kept of each SHA-256: four Crockford base32 characters. */
    public static final int HASH_BITS = 20;
    /** At most this many MAC addresses (the lowest ones) are hashed, so a machine with many cards keeps a short code. */
    public static final int MAX_NETWORK_CARDS = 3;

    /** Fixed for code version 1: changing it changes every Installation Code. */
    private static final String SALT = "NetVizura License installation code v1";
    private static final int HASH_MASK = (1 << HASH_BITS) - 1;

    public Fingerprint {
        EnumMap<HardwareComponent, List<Integer>> copy = new EnumMap<>(HardwareComponent.class);
        hashes.forEach((component, list) -> {
            if (list.isEmpty()) {
                return;
            }
            int max = component == HardwareComponent.NETWORK_CARDS ? MAX_NETWORK_CARDS : 1;
            if (list.size() > max) {
                throw new IllegalArgumentException("ERROR_TOO_MANY_HASHES: " + component + " carries at most " + max);
            }
            for (int h : list) {
                if ((h & ~HASH_MASK) != 0) {
                    throw new IllegalArgumentException("ERROR_HASH_RANGE: a hash has " + HASH_BITS + " bits, got " + h);
                }
            }
            copy.put(component, List.copyOf(list));
        });
        hashes = Collections.unmodifiableMap(copy);
    }

    /** The fingerprint of the usable components among {@code facts}; placeholders and unreported values are absent. */
    public static Fingerprint of(MachineFacts facts) {
        Map<HardwareComponent, List<Integer>> hashes = new EnumMap<>(HardwareComponent.class);
        for (HardwareComponent component : HardwareComponent.values()) {
            List<String> values = ComponentValues.usable(component, facts.reported(component));
            int max = component == HardwareComponent.NETWORK_CARDS ? MAX_NETWORK_CARDS : 1;
            // Sorted values: the lowest MACs are kept, so the choice does not depend on the order the OS lists cards in.
            List<Integer> list = values.stream().limit(max).map(v -> hash(component, v)).toList();
            if (!list.isEmpty()) {
                hashes.put(component, list);
            }
        }
        return new Fingerprint(hashes);
    }

    /** The components this fingerprint carries. */
    public Set<HardwareComponent> components() {
        return hashes.keySet();
    }

    static int hash(HardwareComponent component, String normalizedValue) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((SALT + '\0' + component.name() + '\0' + normalizedValue).getBytes(StandardCharsets.UTF_8));
            int first24 = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
            return first24 >>> (24 - HASH_BITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package com.netvizura.license.machine;

import com.netvizura.license.model.HardwareComponent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a raw reported value into the normalized text that is hashed, or into "absent" when the value does not
 * identify a machine: unreported, blank, or a placeholder that firmware vendors ship on many boards. Hashing a
 * placeholder would make unrelated machines look alike, so it is treated as if the component were not reported.
 */
final class ComponentValues {

    /** Placeholders seen in DMI/SMBIOS tables and elsewhere, compared after normalization (upper case). */
    private static final Set<String> PLACEHOLDERS = Set.of(
            "UNKNOWN", "TO BE FILLED BY O.E.M.", "DEFAULT STRING", "NONE", "NULL", "NOT SPECIFIED",
            "NOT APPLICABLE", "NOT AVAILABLE", "N/A", "NA", "O.E.M.", "OEM", "SYSTEM SERIAL NUMBER",
            "BASE BOARD SERIAL NUMBER", "CHASSIS SERIAL NUMBER", "SERIAL NUMBER", "SERIAL", "0123456789",
            "123456789", "1234567890", "UNINITIALIZED", "INVALID");

    /** System UUIDs that many boards share because the vendor never filled them in. */
    private static final Set<String> SHARED_UUIDS = Set.of(
            "03000200-0400-0500-0006-000700080009",
            "00020003-0004-0005-0006-000700080009",
            "12345678-1234-5678-90AB-CDDEEFAABBCC");

    private ComponentValues() {
    }

    /** The value to hash for {@code component}, or empty when {@code raw} does not identify a machine. */
    static Optional<String> normalize(HardwareComponent component, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (component == HardwareComponent.NETWORK_CARDS) {
            return normalizeMac(v);
        }
        if (v.isEmpty() || PLACEHOLDERS.contains(v) || SHARED_UUIDS.contains(v) || isRepeatedDigit(v)) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /**
     * The distinct usable values for {@code component}, sorted; for network cards the MAC addresses as twelve
     * upper-case hex digits.
     */
    static List<String> usable(HardwareComponent component, List<String> raw) {
        Set<String> values = new TreeSet<>();
        for (String r : raw) {
            normalize(component, r).ifPresent(values::add);
        }
        return List.copyOf(values);
    }

    private static Optional<String> normalizeMac(String v) {
        String hex = v.replaceAll("[:\\-. ]", "");
        if (!hex.matches("[0-9A-F]{12}") || isRepeatedDigit(hex)) {
            return Optional.empty();
        }
        // A multicast address (lowest bit of the first octet) is never a network card's own address.
        if ((Integer.parseInt(hex.substring(0, 2), 16) & 1) != 0) {
            return Optional.empty();
        }
        return Optional.of(hex);
    }

    /** All zeros or all F once separators are ignored: what firmware reports when it has nothing. */
    private static boolean isRepeatedDigit(String v) {
        String digits = v.replaceAll("[:\\-. ]", "");
        return digits.matches("0+") || digits.matches("F+");
    }
}

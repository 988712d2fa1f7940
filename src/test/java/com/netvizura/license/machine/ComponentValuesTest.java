package com.netvizura.license.machine;

import com.netvizura.license.model.HardwareComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "unknown", "Unknown", "To be filled by O.E.M.", "To Be Filled By O.E.M.",
            "Default string", "None", "Not Specified", "System Serial Number", "0", "00000000", "0000-0000",
            "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "ffff",
            "03000200-0400-0500-0006-000700080009", "03000200-0400-0500-0006-000700080009 ",
            "00020003-0004-0005-0006-000700080009"})
    void normalize_placeholder_isAbsent(String placeholder) {
        for (HardwareComponent c : List.of(HardwareComponent.HARDWARE_UUID, HardwareComponent.BASEBOARD_SERIAL,
                HardwareComponent.DISK_SERIAL, HardwareComponent.PROCESSOR_ID, HardwareComponent.OS_INSTALLATION_ID)) {
            assertEquals(Optional.empty(), ComponentValues.normalize(c, placeholder), c + " " + placeholder);
        }
    }

    @Test
    void normalize_unreported_isAbsent() {
        assertEquals(Optional.empty(), ComponentValues.normalize(HardwareComponent.HARDWARE_UUID, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "01:00:5e:00:00:fb", "unknown", "", "02:fc:00"})
    void normalize_macThatNamesNoCard_isAbsent(String mac) {
        assertEquals(Optional.empty(), ComponentValues.normalize(HardwareComponent.NETWORK_CARDS, mac));
    }

    @Test
    void normalize_sameValueWrittenDifferently_isTheSame() {
        assertEquals(ComponentValues.normalize(HardwareComponent.HARDWARE_UUID, "4c4c4544-0042-3510-8052-b3c04f4b4e32"),
                ComponentValues.normalize(HardwareComponent.HARDWARE_UUID, " 4C4C4544-0042-3510-8052-B3C04F4B4E32\n"));
        assertEquals(Optional.of("02FC00000001"), ComponentValues.normalize(HardwareComponent.NETWORK_CARDS, "02:fc:00:00:00:01"));
        assertEquals(Optional.of("02FC00000001"), ComponentValues.normalize(HardwareComponent.NETWORK_CARDS, "02-FC-00-00-00-01"));
    }

    @Test
    void fingerprint_placeholdersEverywhere_carryOnlyTheRealComponents() {
        MachineFacts vm = new MachineFacts("To be filled by O.E.M.", "Default string", Machines.CPU,
                Machines.MACHINE_ID, List.of(Machines.MAC, "00:00:00:00:00:00"), "None", "vm", "Linux");
        MachineFacts bare = new MachineFacts(null, null, Machines.CPU, Machines.MACHINE_ID, List.of(Machines.MAC),
                null, "other-hostname", "Linux");

        assertEquals(Fingerprint.of(bare), Fingerprint.of(vm));
        assertEquals(InstallationCodes.of(bare), InstallationCodes.of(vm), "the hostname is no component");
        assertTrue(Fingerprint.of(vm).components().containsAll(List.of(HardwareComponent.PROCESSOR_ID,
                HardwareComponent.OS_INSTALLATION_ID, HardwareComponent.NETWORK_CARDS)));
        assertEquals(3, Fingerprint.of(vm).components().size());
    }

    @Test
    void fingerprint_manyCards_keepsTheLowestThreeWhateverTheOrder() {
        List<String> cards = List.of("3c:ec:ef:00:00:05", "3c:ec:ef:00:00:01", "3c:ec:ef:00:00:04",
                "3c:ec:ef:00:00:02", "3c:ec:ef:00:00:03");
        MachineFacts a = new MachineFacts(null, null, Machines.CPU, null, cards, null, null, null);
        MachineFacts b = new MachineFacts(null, null, Machines.CPU, null,
                List.of("3c:ec:ef:00:00:03", "3c:ec:ef:00:00:02", "3c:ec:ef:00:00:01"), null, null, null);

        assertEquals(3, Fingerprint.of(a).hashes().get(HardwareComponent.NETWORK_CARDS).size());
        assertEquals(InstallationCodes.of(b), InstallationCodes.of(a));
    }
}

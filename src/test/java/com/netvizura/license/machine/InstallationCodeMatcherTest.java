package com.netvizura.license.machine;

import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.MachineMatch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.netvizura.license.model.HardwareComponent.NETWORK_CARDS;
import static com.netvizura.license.model.HardwareComponent.OS_INSTALLATION_ID;
import static com.netvizura.license.model.HardwareComponent.PROCESSOR_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallationCodeMatcherTest {

    private static final String OTHER_CPU = "178BFBFF00A20F12";
    private static final String OTHER_ID = "8f5e0c1d2b3a49e7a6b5c4d3e2f10987";
    private static final String OTHER_MAC = "52:54:00:12:34:56";

    @Test
    void match_sameMachine_matchesWithNothingChanged() throws Exception {
        MachineMatch m = match(Machines.smallVm(), Machines.smallVm());

        assertTrue(m.matches());
        assertEquals(Set.of(PROCESSOR_ID, OS_INSTALLATION_ID, NETWORK_CARDS), m.compared());
        assertEquals(Set.of(), m.changed());
        assertEquals("", m.changeSentence());
        assertTrue(m.rule().endsWith("here 3 of 3 are unchanged."), m.rule());
    }

    @Test
    void match_networkCardReplacedOnSmallVm_stillMatchesAndNamesTheCard() throws Exception {
        MachineMatch m = match(Machines.smallVm(), vm(Machines.CPU, Machines.MACHINE_ID, OTHER_MAC));

        assertTrue(m.matches());
        assertEquals(Set.of(NETWORK_CARDS), m.changed());
        assertEquals("network card changed since the key was issued", m.changeSentence());
    }

    @Test
    void match_processorAndNetworkCardChanged_failsAndNamesBoth() throws Exception {
        MachineMatch m = match(Machines.smallVm(), vm(OTHER_CPU, Machines.MACHINE_ID, OTHER_MAC));

        assertFalse(m.matches());
        assertEquals("processor and network card changed since the key was issued", m.changeSentence());
    }

    @Test
    void match_otherMachineWithSameProcessorModel_fails() throws Exception {
        MachineMatch m = match(Machines.smallVm(), vm(Machines.CPU, OTHER_ID, OTHER_MAC));

        assertFalse(m.matches());
        assertEquals(Set.of(OS_INSTALLATION_ID, NETWORK_CARDS), m.changed());
    }

    @Test
    void match_networkCardAdded_changesNothing() throws Exception {
        MachineFacts more = new MachineFacts(null, null, Machines.CPU, Machines.MACHINE_ID,
                List.of(Machines.MAC, "00:1b:21:aa:bb:cc", OTHER_MAC), null, "vm", "Linux");

        MachineMatch m = match(Machines.smallVm(), more);

        assertTrue(m.matches());
        assertEquals(Set.of(), m.changed());
    }

    @Test
    void match_oneOfTwoCardsRemoved_changesNothing() throws Exception {
        MachineFacts fewer = new MachineFacts(Machines.UUID, Machines.BOARD, Machines.CPU, Machines.MACHINE_ID,
                List.of(Machines.MAC2), Machines.DISK, "nv01", "Linux");

        assertEquals(Set.of(), match(Machines.server(), fewer).changed());
    }

    @Test
    void match_serverWithThreeOfSixChanged_failsBecauseHalfIsNotMoreThanHalf() throws Exception {
        MachineFacts rebuilt = new MachineFacts("11111111-2222-3333-4444-555555555555", "OTHERBOARD", Machines.CPU,
                Machines.MACHINE_ID, List.of(Machines.MAC), "OTHERDISK", "nv01", "Linux");

        MachineMatch m = match(Machines.server(), rebuilt);

        assertFalse(m.matches());
        assertEquals("hardware UUID, mainboard and disk changed since the key was issued", m.changeSentence());
    }

    @Test
    void match_serverWithTwoOfSixChanged_matches() throws Exception {
        MachineFacts repaired = new MachineFacts(Machines.UUID, "NEWBOARD", Machines.CPU, Machines.MACHINE_ID,
                List.of(Machines.MAC, Machines.MAC2), "NEWDISK", "nv01", "Linux");

        MachineMatch m = match(Machines.server(), repaired);

        assertTrue(m.matches());
        assertEquals("mainboard and disk changed since the key was issued", m.changeSentence());
    }

    @Test
    void match_dmiReadableOnlyNow_isNotHeldAgainstTheServer() throws Exception {
        MachineFacts asRoot = new MachineFacts(Machines.UUID, Machines.BOARD, Machines.CPU, Machines.MACHINE_ID,
                List.of(Machines.MAC), null, "vm", "Linux");

        MachineMatch m = match(Machines.smallVm(), asRoot);

        assertTrue(m.matches());
        assertEquals(3, m.compared().size());
    }

    @Test
    void match_onlyTheProcessorLeftToCompare_fails() throws Exception {
        MachineFacts container = new MachineFacts(null, null, Machines.CPU, null, List.of(), null, "c1", "Linux");

        MachineMatch m = match(Machines.smallVm(), container);

        assertFalse(m.matches());
        assertEquals(Set.of(PROCESSOR_ID), m.compared());
    }

    @Test
    void match_keyBoundToOneComponent_matchesOnThatOne() throws Exception {
        MachineFacts container = new MachineFacts(null, null, null, Machines.MACHINE_ID, List.of(), null, "c1", "Linux");

        assertTrue(match(container, Machines.smallVm()).matches());
        assertFalse(match(container, vm(Machines.CPU, OTHER_ID, Machines.MAC)).matches());
    }

    @Test
    void match_keyCodeWithoutComponents_neverMatches() throws Exception {
        MachineFacts nothing = new MachineFacts(null, null, null, null, List.of(), null, "x", "Linux");

        assertFalse(match(nothing, nothing).matches());
    }

    @Test
    void match_keyCodeMistyped_isRefusedWithTheCodecsSentence() {
        InstallationCode here = InstallationCodes.of(Machines.smallVm());
        InstallationCodeException e = assertThrows(InstallationCodeException.class,
                () -> InstallationCodeMatcher.match("NVZ1-00000-00000", here));
        assertTrue(e.getMessage().startsWith("The Installation Code [NVZ1-00000-00000]"), e.getMessage());
    }

    private static MachineMatch match(MachineFacts keyMachine, MachineFacts thisMachine) throws Exception {
        return InstallationCodeMatcher.match(InstallationCodes.of(keyMachine).value().toLowerCase(),
                InstallationCodes.of(thisMachine));
    }

    private static MachineFacts vm(String cpu, String machineId, String mac) {
        return new MachineFacts(null, null, cpu, machineId, List.of(mac), null, "vm", "Linux");
    }

}

package com.netvizura.license.machine;

import com.netvizura.license.model.HardwareComponent;
import com.netvizura.license.model.InstallationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Probes the real machine, with the Linux network and machine-id sources replaced by a tree of the test's own. */
class OshiHardwareProbeTest {

    @TempDir
    Path tmp;

    @Test
    void probe_virtualInterfacesAppear_codeStaysTheSame() throws Exception {
        Path machineId = Files.writeString(tmp.resolve("machine-id"), Machines.MACHINE_ID + "\n");
        FakeSysfs before = new FakeSysfs(tmp.resolve("before")).card("eth0", Machines.MAC);
        FakeSysfs after = new FakeSysfs(tmp.resolve("after")).card("eth0", Machines.MAC)
                .virtual("dummy0", "5a:1e:2b:3c:4d:5e")
                .virtual("br-3f2a", "02:42:ac:11:00:01").file("br-3f2a", "bridge/bridge_id", "8000.0242ac110001")
                .virtual("veth7d1e2f", "7e:11:22:33:44:55")
                .virtual("docker0", "02:42:9f:00:00:01");

        InstallationCode plain = InstallationCodes.of(new OshiHardwareProbe(tmp, before.net(), machineId).probe());
        InstallationCode busy = InstallationCodes.of(new OshiHardwareProbe(tmp, after.net(), machineId).probe());

        assertEquals(plain, busy);
    }

    @Test
    void probe_secondPhysicalCard_addsAHashThatStillMatches() throws Exception {
        Path machineId = Files.writeString(tmp.resolve("machine-id"), Machines.MACHINE_ID);
        FakeSysfs one = new FakeSysfs(tmp.resolve("one")).card("eth0", Machines.MAC);
        FakeSysfs two = new FakeSysfs(tmp.resolve("two")).card("eth0", Machines.MAC).card("enp3s0", Machines.MAC2);

        InstallationCode before = InstallationCodes.of(new OshiHardwareProbe(tmp, one.net(), machineId).probe());
        InstallationCode after = InstallationCodes.of(new OshiHardwareProbe(tmp, two.net(), machineId).probe());

        assertNotEquals(before, after);
        assertTrue(InstallationCodeMatcher.match(before.value(), after).matches());
        assertEquals(List.of(), List.copyOf(InstallationCodeMatcher.match(before.value(), after).changed()));
    }

    @Test
    void probe_readsTheGivenMachineIdFile() throws Exception {
        Path machineId = Files.writeString(tmp.resolve("machine-id"), "  " + Machines.MACHINE_ID + "\n");
        FakeSysfs sys = new FakeSysfs(tmp.resolve("sys")).card("eth0", Machines.MAC);

        MachineFacts facts = new OshiHardwareProbe(tmp, sys.net(), machineId).probe();

        assertEquals(Machines.MACHINE_ID, facts.osInstallationId());
        assertEquals(List.of(Machines.MAC), facts.networkCardMacs());
        assertTrue(Fingerprint.of(facts).components().contains(HardwareComponent.OS_INSTALLATION_ID));
    }

    @Test
    void probe_thisMachine_reportsAtLeastTwoComponentsAndItsHostname() {
        MachineFacts facts = new OshiHardwareProbe(tmp).probe();

        assertTrue(Fingerprint.of(facts).components().size() >= 2, "components: " + Fingerprint.of(facts).components());
        assertTrue(facts.hostnameIfAny().isPresent());
        assertTrue(facts.operatingSystemIfAny().isPresent());
    }

    @Test
    void probe_dataDirectoryNotCreatedYet_stillWorks() {
        MachineFacts facts = new OshiHardwareProbe(tmp.resolve("not/yet/there")).probe();

        assertEquals(InstallationCodes.of(new OshiHardwareProbe(tmp).probe()), InstallationCodes.of(facts));
    }
}

package com.netvizura.license.machine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkCardsTest {

    @TempDir
    Path tmp;

    @Test
    void physicalMacs_softwareInterfaces_areLeftOut() throws Exception {
        FakeSysfs sys = new FakeSysfs(tmp)
                .card("eth0", "02:fc:00:00:00:01")
                .virtual("lo", "00:00:00:00:00:00")
                .virtual("dummy0", "5a:1e:2b:3c:4d:5e")
                .virtual("ifb0", "12:d1:0a:09:c6:b1")
                .virtual("br0", "02:42:ac:11:00:01").file("br0", "bridge/bridge_id", "8000.0242ac110001")
                .virtual("veth1a2b3c", "7e:11:22:33:44:55")
                .virtual("docker0", "02:42:9f:00:00:01")
                .virtual("tap0", "fe:00:00:00:00:01").file("tap0", "tun_flags", "0x1002")
                // Name rules hold even if a software interface shows a device link.
                .card("veth9", "7e:00:00:00:00:09")
                // A card with a random address changes it at every boot.
                .card("wlp2s0", "da:00:00:00:00:02").file("wlp2s0", "addr_assign_type", "1");

        assertEquals(List.of("02:fc:00:00:00:01"), NetworkCards.physicalMacs(sys.net()));
    }

    @Test
    void physicalMacs_bondedCard_reportsItsPermanentAddress() throws Exception {
        FakeSysfs sys = new FakeSysfs(tmp)
                .card("eno1", "3c:ec:ef:00:00:01")
                .card("eno2", "3c:ec:ef:00:00:01").file("eno2", "bonding_slave/perm_hwaddr", "3c:ec:ef:00:00:02");

        assertEquals(Set.of("3c:ec:ef:00:00:01", "3c:ec:ef:00:00:02"), Set.copyOf(NetworkCards.physicalMacs(sys.net())));
    }

    @Test
    void physicalMacs_noSysfs_isEmpty() {
        assertEquals(List.of(), NetworkCards.physicalMacs(tmp.resolve("missing")));
    }
}

package com.netvizura.license.machine;

import java.util.List;

/** Fake machines for tests: the raw facts a probe could have seen. */
final class Machines {

    static final String UUID = "4C4C4544-0042-3510-8052-B3C04F4B4E32";
    static final String BOARD = "/7XB2KN2/CNFCW0017G0123/";
    static final String CPU = "BFEBFBFF000906EA";
    static final String MACHINE_ID = "3d1219c7c4c5404aaa1f6d2a48adfda4";
    static final String MAC = "02:fc:00:00:00:01";
    static final String MAC2 = "3c:ec:ef:12:34:56";
    static final String DISK = "S4EWNX0R123456";

    private Machines() {
    }

    /** Like the VM this project is built on: processor id, machine-id and one MAC, no DMI data. */
    static MachineFacts smallVm() {
        return new MachineFacts("unknown", "unknown", CPU, MACHINE_ID, List.of(MAC), "unknown", "vm", "Linux");
    }

    /** A server that reports every component. */
    static MachineFacts server() {
        return new MachineFacts(UUID, BOARD, CPU, MACHINE_ID, List.of(MAC, MAC2), DISK, "nv01", "Linux");
    }
}

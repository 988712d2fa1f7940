package com.netvizura.license.model;

/** The parts of a machine that its installation code fingerprints, named as an admin would. */
public enum HardwareComponent {
    HARDWARE_UUID("hardware UUID"),
    BASEBOARD_SERIAL("mainboard"),
    PROCESSOR_ID("processor"),
    OS_INSTALLATION_ID("operating-system installation"),
    NETWORK_CARDS("network card"),
    DISK_SERIAL("disk");

    private final String displayName;

    HardwareComponent(String displayName) {
        this.displayName = displayName;
    }

    /** Lower-case words for sentences such as "processor and network card changed". */
    public String displayName() {
        return displayName;
    }
}

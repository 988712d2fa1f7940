package com.netvizura.license.machine;

import com.netvizura.license.model.HardwareComponent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a hardware probe saw on one machine, raw: values may be {@code null}, empty or placeholders such as
 * "To be filled by O.E.M."; {@link ComponentValues} decides which of them identify the machine.
 *
 * @param hardwareUuid     the system (SMBIOS) UUID
 * @param baseboardSerial  the mainboard's serial number
 * @param processorId      the processor id (CPUID signature and feature flags on x86)
 * @param osInstallationId {@code /etc/machine-id} on Linux, {@code MachineGuid} on Windows
 * @param networkCardMacs  MAC addresses of the physical network interfaces, in any order
 * @param diskSerial       the serial number of the disk that holds the data directory
 * @param hostname         the host name; shown in the License Details, not part of the Installation Code
 *                         because it is renamed far more often than hardware changes
 * @param operatingSystem  the operating system in words, e.g. "GNU/Linux Debian GNU/Linux 12 (bookworm) amd64"
 */
public record MachineFacts(
        String hardwareUuid,
        String baseboardSerial,
        String processorId,
        String osInstallationId,
        List<String> networkCardMacs,
        String diskSerial,
        String hostname,
        String operatingSystem) {

    public MachineFacts {
        List<String> macs = new ArrayList<>();
        if (networkCardMacs != null) {
            networkCardMacs.stream().filter(m -> m != null).forEach(macs::add);
        }
        networkCardMacs = List.copyOf(macs);
    }

    /** The raw values reported for {@code component}: one or none, several for network cards. */
    public List<String> reported(HardwareComponent component) {
        String single = switch (component) {
            case HARDWARE_UUID -> hardwareUuid;
            case BASEBOARD_SERIAL -> baseboardSerial;
            case PROCESSOR_ID -> processorId;
            case OS_INSTALLATION_ID -> osInstallationId;
            case DISK_SERIAL -> diskSerial;
            case NETWORK_CARDS -> null;
        };
        if (component == HardwareComponent.NETWORK_CARDS) {
            return networkCardMacs;
        }
        return single == null ? List.of() : List.of(single);
    }

    public Optional<String> hostnameIfAny() {
        return Optional.ofNullable(hostname).filter(h -> !h.isBlank());
    }

    public Optional<String> operatingSystemIfAny() {
        return Optional.ofNullable(operatingSystem).filter(h -> !h.isBlank());
    }
}

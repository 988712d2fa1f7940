package com.netvizura.license.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MAC addresses of a Linux machine's physical network cards, read from {@code /sys/class/net}.
 *
 * <p>An interface counts when it has a {@code device} link (it sits on a bus: PCI, USB, virtio) and is none of
 * the software interfaces that come and go with containers, bridges and VPNs: loopback, dummy, ifb, bridge, veth,
 * docker, tun/tap (by name and, for bridge and tun/tap, by their sysfs marks). Interfaces whose address the kernel
 * made up at random ({@code addr_assign_type} 1) are skipped because it changes at every boot. A bonded card
 * reports its permanent address, not the one the bond lent it.
 */
final class NetworkCards {

    /** The real location; tests pass a directory tree of their own. */
    static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    private static final List<String> SOFTWARE_PREFIXES = List.of(
            "lo", "dummy", "ifb", "br", "virbr", "veth", "docker", "tun", "tap", "vnet", "wg", "bond", "team");
    private static final String RANDOM_ADDRESS = "1";

    private NetworkCards() {
    }

    /** The raw MAC addresses of the physical cards under {@code sysClassNet}; empty when it is not there. */
    static List<String> physicalMacs(Path sysClassNet) {
        List<String> macs = new ArrayList<>();
        if (!Files.isDirectory(sysClassNet)) {
            return macs;
        }
        try (DirectoryStream<Path> interfaces = Files.newDirectoryStream(sysClassNet)) {
            for (Path dir : interfaces) {
                if (isPhysical(dir)) {
                    permanentAddress(dir).ifPresent(macs::add);
                }
            }
        } catch (IOException e) {
            // An unreadable sysfs leaves the component absent; the code then rests on the other components.
            return List.of();
        }
        return macs;
    }

    /** Whether a network interface of this name is a software one, whatever the platform. */
    static boolean isSoftwareName(String name) {
        return SOFTWARE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static boolean isPhysical(Path dir) {
        return !isSoftwareName(dir.getFileName().toString())
                && Files.exists(dir.resolve("device"))
                && !Files.exists(dir.resolve("bridge"))
                && !Files.exists(dir.resolve("tun_flags"))
                && !read(dir.resolve("addr_assign_type")).filter(RANDOM_ADDRESS::equals).isPresent();
    }

    private static Optional<String> permanentAddress(Path dir) {
        Optional<String> bonded = read(dir.resolve("bonding_slave").resolve("perm_hwaddr"));
        return bonded.isPresent() ? bonded : read(dir.resolve("address"));
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip()).filter(s -> !s.isEmpty());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

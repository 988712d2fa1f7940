package com.netvizura.license.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a {@code /sys/class/net}-like tree in a temporary directory. */
final class FakeSysfs {

    private final Path net;
    private final Path devices;

    FakeSysfs(Path root) throws IOException {
        this.net = Files.createDirectories(root.resolve("sys/class/net"));
        this.devices = Files.createDirectories(root.resolve("sys/devices"));
    }

    Path net() {
        return net;
    }

    /** A card on a bus: it has a {@code device} link, like {@code eth0 -> virtio2}. */
    FakeSysfs card(String name, String mac) throws IOException {
        Path dir = iface(name, mac);
        Files.createSymbolicLink(dir.resolve("device"), Files.createDirectories(devices.resolve("pci-" + name)));
        return this;
    }

    /** A software interface: no {@code device} link. */
    FakeSysfs virtual(String name, String mac) throws IOException {
        iface(name, mac);
        return this;
    }

    FakeSysfs file(String name, String relative, String content) throws IOException {
        Path f = net.resolve(name).resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return this;
    }

    private Path iface(String name, String mac) throws IOException {
        Path dir = Files.createDirectories(net.resolve(name));
        Files.writeString(dir.resolve("address"), mac + "\n");
        Files.writeString(dir.resolve("addr_assign_type"), "0\n");
        return dir;
    }
}

package com.netvizura.license.machine;

import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the disk that holds a directory, so that its serial number can stand for "this server's disk" even on a
 * machine with several. Matches by device name (Linux: {@code /dev/sda1} is a partition of {@code /dev/sda}), else
 * by the longest partition mount point that contains the directory (Windows: {@code C:\}). A directory on a
 * logical volume or network share matches no disk: the component is then absent.
 */
final class DiskOfDirectory {

    private DiskOfDirectory() {
    }

    /** The raw serial of the disk holding {@code directory} (or its nearest existing parent), or {@code null}. */
    static String serial(List<HWDiskStore> disks, Path directory) {
        Path existing = nearestExisting(directory.toAbsolutePath().normalize());
        if (existing == null) {
            return null;
        }
        String device = deviceName(existing);
        HWDiskStore best = null;
        int bestMount = -1;
        for (HWDiskStore disk : disks) {
            if (disk.getName().equals(device)) {
                return disk.getSerial();
            }
            for (HWPartition p : disk.getPartitions()) {
                if (p.getIdentification().equals(device)) {
                    return disk.getSerial();
                }
                String mount = p.getMountPoint();
                if (mount != null && !mount.isEmpty() && existing.startsWith(mount) && mount.length() > bestMount) {
                    best = disk;
                    bestMount = mount.length();
                }
            }
        }
        return best == null ? null : best.getSerial();
    }

    private static String deviceName(Path existing) {
        try {
            FileStore store = Files.getFileStore(existing);
            return store.name();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Path nearestExisting(Path p) {
        Path at = p;
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at;
    }
}

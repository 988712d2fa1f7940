package com.netvizura.license.machine;

import oshi.SystemInfo;
import oshi.hardware.ComputerSystem;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OperatingSystem;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Probes the real machine with OSHI, plus {@code /sys/class/net} and {@code /etc/machine-id} on Linux. Every part
 * is read on its own: a part that fails or is not reported (no DMI data in many VMs, no right to read it as a
 * non-root Tomcat) comes back {@code null} and the others still count.
 */
public final class OshiHardwareProbe implements HardwareProbe {

    private static final System.Logger LOG = System.getLogger(OshiHardwareProbe.class.getName());
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

    private final Path dataDirectory;
    private final Path sysClassNet;
    private final Path machineIdFile;

    /** Probes this machine; {@code dataDirectory} picks the disk whose serial is used. */
    public OshiHardwareProbe(Path dataDirectory) {
        this(dataDirectory, NetworkCards.SYS_CLASS_NET, OsInstallationId.ETC_MACHINE_ID);
    }

    /** Like {@link #OshiHardwareProbe(Path)} with the Linux sources moved, so that tests can build their own. */
    public OshiHardwareProbe(Path dataDirectory, Path sysClassNet, Path machineIdFile) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.sysClassNet = Objects.requireNonNull(sysClassNet, "sysClassNet");
        this.machineIdFile = Objects.requireNonNull(machineIdFile, "machineIdFile");
    }

    @Override
    public MachineFacts probe() {
        // OSHI refuses unsupported platforms in these calls; the Linux files are still worth reading then.
        SystemInfo si = new SystemInfo();
        HardwareAbstractionLayer hal = quietly(si::getHardware);
        OperatingSystem os = quietly(si::getOperatingSystem);
        ComputerSystem cs = hal == null ? null : quietly(hal::getComputerSystem);
        return new MachineFacts(
                cs == null ? null : quietly(cs::getHardwareUUID),
                cs == null ? null : quietly(() -> cs.getBaseboard().getSerialNumber()),
                hal == null ? null : quietly(() -> hal.getProcessor().getProcessorIdentifier().getProcessorID()),
                OsInstallationId.read(machineIdFile),
                macs(hal),
                hal == null ? null : quietly(() -> DiskOfDirectory.serial(hal.getDiskStores(), dataDirectory)),
                hostname(os),
                operatingSystem(os));
    }

    /**
     * Ends JNA's cleaner thread and takes this application's class loader off the JDK's process reaper: both were
     * started by probing and would keep the application in memory after an undeploy (see {@link ProbeThreads}).
     */
    @Override
    public void release() {
        ClassLoader application = OshiHardwareProbe.class.getClassLoader();
        if (application == ClassLoader.getSystemClassLoader()) {
            return; // a plain Java program: its JNA lives as long as the JVM and must go on freeing memory
        }
        ProbeThreads.detachJdkThreads(application);
        if (ProbeThreads.stopJnaCleaner(application, RELEASE_WAIT) > 0) {
            LOG.log(System.Logger.Level.WARNING, "The JNA Cleaner thread did not end within {0} s; the application "
                    + "may stay in memory after it stops", RELEASE_WAIT.toSeconds());
        }
    }

    private List<String> macs(HardwareAbstractionLayer hal) {
        if (Files.isDirectory(sysClassNet)) {
            return NetworkCards.physicalMacs(sysClassNet);
        }
        List<String> macs = hal == null ? null : quietly(() -> otherSystemMacs(hal));
        return macs == null ? List.of() : macs;
    }

    /** Without sysfs (Windows, macOS): the cards OSHI sees that are up to a physical connector and not virtual. */
    private static List<String> otherSystemMacs(HardwareAbstractionLayer hal) throws Exception {
        List<String> macs = new ArrayList<>();
        for (NetworkIF nif : hal.getNetworkIFs(false)) {
            NetworkInterface ni = nif.queryNetworkInterface();
            if (ni == null || ni.isLoopback() || ni.isVirtual() || !nif.isConnectorPresent()
                    || NetworkCards.isSoftwareName(nif.getName())) {
                continue;
            }
            macs.add(nif.getMacaddr());
        }
        return macs;
    }

    private static String operatingSystem(OperatingSystem os) {
        String arch = System.getProperty("os.arch");
        String described = os == null ? null : quietly(os::toString);
        return described == null ? System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + arch
                : described + " " + arch;
    }

    private static String hostname(OperatingSystem os) {
        String name = os == null ? null : quietly(() -> os.getNetworkParams().getHostName());
        if (name == null || name.isBlank()) {
            name = quietly(() -> InetAddress.getLocalHost().getHostName());
        }
        return name;
    }

    /** The value, or {@code null} when reading it failed: a missing component must not stop the probe. */
    private static <T> T quietly(Probed<T> read) {
        try {
            return read.get();
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Probed<T> {
        T get() throws Exception;
    }
}

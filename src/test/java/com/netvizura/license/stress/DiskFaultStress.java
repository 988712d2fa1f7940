package com.netvizura.license.stress;

import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.model.Actor;
import com.netvizura.license.service.LicenseRefusedException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.store.LicenseStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fault command (root only; see {@code .ci/stress-faults}): a full disk and a data directory that turns read-only
 * under a running {@link LicenseService}. Each time an apply must be refused with a clear sentence ("not stored"),
 * the old key must stay active byte for byte, in the running service and after a restart, and the audit log must
 * still parse. Arguments: {@code disk-full MOUNT} (MOUNT is a small file system of its own) or
 * {@code read-only remount MOUNT} / {@code read-only chattr DIR}. Exits 1 on the first failure.
 */
public final class DiskFaultStress {

    private static final Actor ADMIN = new Actor("admin", "127.0.0.1");

    private DiskFaultStress() {
    }

    public static void main(String[] args) throws Exception {
        VendorKeyPair vendor = VendorKeyPair.generate();
        TrustedKeys trusted = TrustedKeys.of(vendor.publicKey());
        byte[] a = StressWorld.key("NVZ-FAULT-A", vendor.privateKey());
        byte[] b = StressWorld.key("NVZ-FAULT-B", vendor.privateKey());
        byte[] c = StressWorld.key("NVZ-FAULT-C", vendor.privateKey());
        if (args[0].equals("disk-full")) {
            diskFull(Path.of(args[1]), trusted, a, b);
        } else {
            readOnly(args[1], Path.of(args[2]), trusted, a, c);
        }
    }

    private static void diskFull(Path mount, TrustedKeys trusted, byte[] a, byte[] b) throws Exception {
        Path home = mount.resolve("home");
        LicenseService service = StressWorld.start(home, trusted);
        service.apply(a, ADMIN);
        Path filler = mount.resolve("filler");
        long filled = fill(filler);
        System.out.println("disk full after writing " + filled + " bytes of filler");

        refusedAndUnchanged("disk full", service, home, trusted, b, a, "NVZ-FAULT-A");

        Files.delete(filler);
        service.apply(b, ADMIN);
        check(Arrays.equals(b, activeKey(home)), "disk full: after space was freed the new key applies");
        System.out.println("DISK FULL PASSED: refused, old key kept, new key applies once space is free");
    }

    private static void readOnly(String how, Path target, TrustedKeys trusted, byte[] a, byte[] c) throws Exception {
        Path home = target.resolve("home");
        LicenseService service = StressWorld.start(home, trusted);
        service.apply(a, ADMIN);
        List<String> protect = how.equals("remount")
                ? List.of("mount", "-o", "remount,ro", target.toString())
                : List.of("chattr", "-R", "+i", home.resolve("license").toString());
        List<String> release = how.equals("remount")
                ? List.of("mount", "-o", "remount,rw", target.toString())
                : List.of("chattr", "-R", "-i", home.resolve("license").toString());
        run(protect);
        try {
            refusedAndUnchanged("read-only (" + how + ")", service, home, trusted, c, a, "NVZ-FAULT-A");
        } finally {
            run(release);
        }
        service.apply(c, ADMIN);
        check(Arrays.equals(c, activeKey(home)), "read-only: once writable again the new key applies");
        System.out.println("READ-ONLY (" + how + ") PASSED: refused, old key kept, service restarts read-only");
    }

    /** {@code key} must be refused as not stored while {@code old} stays active, also after a restart. */
    private static void refusedAndUnchanged(String fault, LicenseService service, Path home, TrustedKeys trusted,
                                            byte[] key, byte[] old, String oldId) throws Exception {
        long epoch = service.epoch();
        int history = service.history().size();
        try {
            service.apply(key, ADMIN);
            check(false, fault + ": the apply did not fail");
        } catch (LicenseRefusedException e) {
            System.out.println(fault + ": refused as " + e.refusal() + ": " + e.getMessage());
            check(e.refusal() == LicenseRefusedException.Cause.NOT_STORED, fault + ": refused as NOT_STORED");
            check(e.getMessage().contains("could not be saved") || e.getMessage().contains("could not"),
                    fault + ": the sentence says the key could not be saved");
        }
        check(Arrays.equals(old, activeKey(home)), fault + ": the old key is still active byte for byte");
        check(service.verdict().license().map(l -> l.id()).equals(Optional.of(oldId)), fault + ": service keeps the old license");
        check(service.epoch() == epoch, fault + ": epoch unchanged");
        check(service.history().size() == history, fault + ": history unchanged");
        LicenseService restarted = StressWorld.start(home, trusted);
        check(restarted.verdict().license().map(l -> l.id()).equals(Optional.of(oldId)),
                fault + ": after a restart the old license is active: " + restarted.verdict().explanation());
        LicenseStore.open(home.resolve("license"), k -> Optional.empty(), StressWorld.CLOCK).auditLog();
        System.out.println(fault + ": old key active, also after restart; audit log parses");
    }

    private static long fill(Path filler) {
        byte[] chunk = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
                written += chunk.length;
            }
        } catch (IOException full) {
            return written;
        }
    }

    private static byte[] activeKey(Path home) throws IOException {
        return Files.readAllBytes(home.resolve("license/license.key"));
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        check(p.waitFor() == 0, "command failed: " + command);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("FAULT STRESS FAILED: " + what);
            System.exit(1);
        }
    }
}

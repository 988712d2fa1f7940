package com.netvizura.license.stress;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.model.Actor;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.HistoryEntry;
import com.netvizura.license.store.LicenseStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Stress command (not a test of the default run; see README, section Hardening, and {@code .ci/stress-kill}):
 * for each round a new JVM starts {@link LicenseService} on one data directory and applies a new key; this process
 * kills it with SIGKILL at a random moment, shortly before, during or after the apply. After every kill it checks,
 * first as the crash left the directory and then after a restart of the service:
 * <ul>
 * <li>the active key is exactly the old or the new key, byte for byte, and the restarted service uses it;</li>
 * <li>the history is complete: every key that was ever active and is not active now is in it, byte for byte, once,
 *     and it holds nothing else (a copy of the active key that a kill between history copy and commit left is
 *     removed by the restart);</li>
 * <li>the audit log parses.</li>
 * </ul>
 * Arguments: {@code rounds work-directory [seed]}. Prints the figures; exits 1 on the first failure.
 */
public final class KillApplyStress {

    private KillApplyStress() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        Files.createDirectories(work);
        Path home = Files.createTempDirectory(work, "home-");
        Path keys = Files.createTempDirectory(work, "keys-");
        VendorKeyPair vendor = VendorKeyPair.generate(); // made for this run only; its private half stays in memory
        Path publicKey = keys.resolve("public.pem");
        PemKeys.writePublicKey(publicKey, vendor.publicKey());
        TrustedKeys trusted = TrustedKeys.of(vendor.publicKey());
        Random random = new Random(seed);

        // Round 0 without a kill: a first key is active, so every round has an old and a new key.
        byte[] first = StressWorld.key("NVZ-STRESS-00000", vendor.privateKey());
        StressWorld.start(home, trusted).apply(first, new Actor("stress", "127.0.0.1"));
        byte[] active = first;
        String activeId = "NVZ-STRESS-00000";
        Set<String> everActive = new LinkedHashSet<>(List.of(hex(first)));

        int killedMidApply = 0;
        int killedAfterCommit = 0;
        int midApplyOld = 0;
        int midApplyNew = 0;
        int extraHistoryCopies = 0;
        long removedCopies = 0;
        long started = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            String where = "round " + round + " (seed " + seed + ")";
            String nextId = String.format("NVZ-STRESS-%05d", round);
            byte[] next = StressWorld.key(nextId, vendor.privateKey());
            Path keyFile = keys.resolve("round-" + round + ".key");
            Files.write(keyFile, next);

            Process child = startChild(home, publicKey, keyFile);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!KillApplyChild.APPLYING.equals(line)) {
                fail(where, "the child did not start: " + line + drain(out));
            }
            // An apply takes some milliseconds (verify, fsyncs): a kill within 0-30 ms after it began lands before,
            // inside or after the commit.
            sleepMicros(random.nextInt(30_000));
            child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it leaves our end of the pipe open
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                fail(where, "the child did not die");
            }
            String rest = drain(out);
            boolean committed = rest.contains(KillApplyChild.APPLIED);

            byte[] now = Files.readAllBytes(home.resolve("license/license.key"));
            boolean isOld = Arrays.equals(now, active);
            boolean isNew = Arrays.equals(now, next);
            if (!isOld && !isNew) {
                fail(where, "the active key is neither the old nor the new key");
            }
            if (committed && !isNew) {
                fail(where, "the apply reported success but the old key is active");
            }
            if (committed) {
                killedAfterCommit++;
            } else if (isNew) {
                killedMidApply++;
                midApplyNew++;
            } else {
                // Not reported applied and the old key is active: inside the apply or just before it.
                killedMidApply++;
                midApplyOld++;
            }

            // Restart: the service repairs the directory and must use exactly that key.
            LicenseService restarted = StressWorld.start(home, trusted);
            Optional<String> id = restarted.verdict().license().map(l -> l.id());
            if (!restarted.verdict().operational() || !id.equals(Optional.of(isNew ? nextId : activeId))) {
                fail(where, "after restart the service does not use the key on disk: " + id + ", "
                        + restarted.verdict().explanation());
            }
            if (!Arrays.equals(now, Files.readAllBytes(home.resolve("license/license.key")))) {
                fail(where, "the restart changed the active key");
            }
            if (isNew) {
                active = next;
                activeId = nextId;
                everActive.add(hex(next));
            }
            LicenseStore store = LicenseStore.open(home.resolve("license"), b -> Optional.empty(), StressWorld.CLOCK);
            extraHistoryCopies = checkHistory(where, store, everActive, hex(active));
            if (extraHistoryCopies != 0) {
                fail(where, "after the restart the history holds " + extraHistoryCopies + " extra cop(ies) of a key");
            }
            if (restarted.history().size() != store.history().size()) {
                fail(where, "the service lists " + restarted.history().size() + " previous keys, the directory "
                        + store.history().size());
            }
            List<AuditEntry> audit = store.auditLog(); // throws when a line is damaged
            if (audit.isEmpty()) {
                fail(where, "the audit log is empty");
            }
            removedCopies = audit.stream().filter(e -> e.outcome() == AuditEntry.Outcome.HISTORY_COPY_REMOVED).count();
            if (round % 25 == 0) {
                System.out.printf("%d rounds, %d s%n", round, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("KILL STRESS PASSED: %d rounds in %d s, seed %d%n", rounds, seconds, seed);
        System.out.printf("  killed after the apply reported success: %d%n", killedAfterCommit);
        System.out.printf("  killed before it reported success: %d (old key active: %d, new key active: %d)%n",
                killedMidApply, midApplyOld, midApplyNew);
        System.out.printf("  keys ever active: %d, all in the history but the active one; failures: 0%n",
                everActive.size());
        System.out.printf("  copies of the active key that kills between history copy and commit left, removed at "
                + "restart (audited): %d; extra history copies afterwards: %d%n", removedCopies, extraHistoryCopies);
    }

    /**
     * Every key that was ever active and is not active now must be in the history, byte for byte, and the history
     * must hold no key that was never active. Returns how many history files are extra copies (0 expected: a kill
     * after the store saved the old key's history copy but before the commit leaves a copy of the key that is still
     * active, and the restart removes it, see ApplyFaultInjectionTest).
     */
    private static int checkHistory(String where, LicenseStore store, Set<String> everActive, String active)
            throws Exception {
        List<String> inHistory = new ArrayList<>();
        for (HistoryEntry entry : store.history()) {
            inHistory.add(hex(entry.readKey()));
        }
        Set<String> retired = new LinkedHashSet<>(everActive);
        retired.remove(active);
        Set<String> missing = new LinkedHashSet<>(retired);
        inHistory.forEach(missing::remove);
        if (!missing.isEmpty()) {
            fail(where, "history incomplete: " + missing.size() + " retired key(s) missing");
        }
        if (!everActive.containsAll(inHistory)) {
            fail(where, "the history holds a key that was never active");
        }
        return inHistory.size() - retired.size();
    }

    private static Process startChild(Path home, Path publicKey, Path keyFile) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), KillApplyChild.class.getName(),
                home.toString(), publicKey.toString(), keyFile.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String drain(BufferedReader out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l; (l = out.readLine()) != null; ) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    private static void sleepMicros(int micros) throws InterruptedException {
        long until = System.nanoTime() + micros * 1000L;
        while (System.nanoTime() < until) {
            Thread.sleep(0, 100_000);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static void fail(String where, String what) {
        System.out.println("KILL STRESS FAILED at " + where + ": " + what);
        System.exit(1);
    }
}

package com.netvizura.license.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.netvizura.license.store.TestKeys.IDS;
import static com.netvizura.license.store.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real process killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) at random moments while it applies
 * keys in a loop: after every kill exactly one complete key is active, the history holds only complete keys, the
 * audit log parses, and the next start cleans up: temp files, and at most the one copy of the active key that a kill
 * between history copy and commit left.
 */
class KillDuringApplyTest {

    private static final int ROUNDS = 50;
    private static final List<byte[]> KEYS = Arrays.stream(ApplyLoop.IDS).map(TestKeys::key).toList();

    @TempDir
    Path dir;

    @Test
    void processKilledDuringApplies_alwaysLeavesExactlyOneCompleteKeyAndAReadableLog() throws Exception {
        LicenseStore.open(dir, IDS, Clock.systemUTC()).apply(key("NVZ-SEED"), "NVZ-SEED", TestKeys.ADMIN);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long lastEpoch = 1;
        int lastHistory = 0;
        int cutMidway = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String where = "round " + round + " (seed " + seed + ")";
            Process child = startChild();
            Thread.sleep(20 + random.nextInt(181));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), where);

            // As the crash left it, before any repair:
            assertTrue(isOneOf(Files.readAllBytes(dir.resolve("license.key"))), where + ": active key is complete");
            byte[] active = Files.readAllBytes(dir.resolve("license.key"));
            Map<Path, byte[]> history = history();
            for (Map.Entry<Path, byte[]> file : history.entrySet()) {
                assertTrue(isOneOf(file.getValue()), where + ": " + file.getKey());
            }
            assertTrue(history.size() >= lastHistory, where + ": history never shrinks");
            new AuditLog(dir.resolve("audit.log"), Clock.systemUTC()).read(); // throws if a line is damaged

            try (Stream<Path> files = Files.walk(dir)) {
                if (files.anyMatch(DurableFiles::isOwnTemp)) {
                    cutMidway++;
                }
            }
            LicenseStore restarted = LicenseStore.open(dir, IDS, Clock.systemUTC());
            try (Stream<Path> files = Files.walk(dir)) {
                assertFalse(files.anyMatch(DurableFiles::isOwnTemp), where + ": temp files removed at start");
            }
            Map<Path, byte[]> kept = history();
            assertTrue(history.keySet().containsAll(kept.keySet()), where + ": the start adds nothing to the history");
            history.keySet().removeAll(kept.keySet());
            assertTrue(history.size() <= 1, where + ": the start removes at most the cut-off apply's copy");
            history.values().forEach(removed -> assertArrayEquals(active, removed, where + ": only a copy of the "
                    + "active key is removed"));
            lastHistory = kept.size();
            assertTrue(restarted.epoch() >= lastEpoch, where + ": epoch never goes back");
            lastEpoch = restarted.epoch();
        }
        LicenseStore store = LicenseStore.open(dir, IDS, Clock.systemUTC());
        long applied = store.auditLog().stream().filter(e -> e.outcome() == AuditEntry.Outcome.APPLIED).count();
        assertTrue(applied > ROUNDS, "the children got to apply keys before being killed: " + applied);
        // About two thirds of the kills land inside an apply (its temp files are left); none at all would mean
        // the test no longer tests what it says.
        assertTrue(cutMidway > 0, "no kill interrupted an apply");
        // Still usable: one more apply works and is counted.
        assertTrue(store.apply(key("NVZ-AFTER"), "NVZ-AFTER", TestKeys.ADMIN).applied());
        assertEquals(lastEpoch + 1, store.readEpochFromDisk());
    }

    private Map<Path, byte[]> history() throws IOException {
        Map<Path, byte[]> history = new HashMap<>();
        try (Stream<Path> files = Files.list(dir.resolve("history"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".key")).toList()) {
                history.put(file, Files.readAllBytes(file));
            }
        }
        return history;
    }

    private static boolean isOneOf(byte[] bytes) {
        return KEYS.stream().anyMatch(k -> Arrays.equals(k, bytes)) || Arrays.equals(key("NVZ-SEED"), bytes);
    }

    private Process startChild() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                // Start fast: this test is about the moment of the kill, not about peak speed.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), ApplyLoop.class.getName(), dir.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals(ApplyLoop.READY)) {
                return child;
            }
            seen.append(line).append('\n');
        }
        child.destroyForcibly();
        fail("child ended before it was ready:\n" + seen);
        return child;
    }
}

package com.netvizura.license.store;

import com.netvizura.license.model.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.netvizura.license.store.TestKeys.ADMIN;
import static com.netvizura.license.store.TestKeys.IDS;
import static com.netvizura.license.store.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code audit.log} is rolled over past its limit into {@code audit-<UTC timestamp>.log.gz} parts with real files:
 * every line is kept exactly once, also when a rollover is cut off at any step, and the History's "applied by" still
 * comes out after rollovers.
 */
class AuditRolloverTest {

    private static final Instant T0 = Instant.parse("2026-11-28T07:45:12.123Z");
    private static final long SMALL_LIMIT = 4096;

    /** Stands for the process dying: no catch block of the store may handle it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(AuditRollover.Step step) {
            super("crash at " + step);
        }
    }

    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private LicenseStore open(long limit, AuditRollover.StepListener steps) throws StoreException {
        return LicenseStore.open(dir, IDS, clock, ApplyStepListener.NONE, Duration.ofSeconds(5),
                (file, c) -> new AuditLog(file, c, limit, steps));
    }

    private List<Path> parts() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("audit-\\d{8}T\\d{6}\\.\\d{3}Z\\.log\\.gz"))
                    .sorted().toList();
        }
    }

    private static List<String> reasons(LicenseStore store) throws StoreException {
        return store.auditLog().stream().map(AuditEntry::reason).toList();
    }

    private static List<String> refuse(LicenseStore store, int from, int count) throws StoreException {
        List<String> written = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String reason = "refusal " + i + " " + "x".repeat(200);
            store.recordRefusal(new Actor("user" + i, "192.0.2.1"), null, reason);
            written.add(reason);
        }
        return written;
    }

    @Test
    void pastEightMebibytes_theLogBecomesAGzippedPartAndEveryLineIsKept() throws Exception {
        // 8 MiB of earlier lines written as the store writes them, then one more line through the store.
        StringBuilder earlier = new StringBuilder();
        int count = 0;
        while (earlier.length() <= AuditRollover.DEFAULT_LIMIT) {
            earlier.append("{\"time\":\"2026-11-01T00:00:00Z\",\"user\":\"admin\",\"remoteAddress\":\"192.0.2.1\","
                    + "\"action\":\"APPLY\",\"licenseId\":null,\"outcome\":\"REFUSED\",\"reason\":\"line ")
                    .append(count++).append(' ').append("y".repeat(150)).append("\"}\n");
        }
        Files.writeString(dir.resolve("audit.log"), earlier, StandardCharsets.UTF_8);
        LicenseStore store = LicenseStore.open(dir, IDS, clock);

        store.recordRefusal(ADMIN, null, "the line that passes the limit");

        List<Path> parts = parts();
        assertEquals(List.of(dir.resolve("audit-20261128T074512.123Z.log.gz")), parts);
        assertFalse(Files.exists(dir.resolve("audit.log"))); // the next line starts a new one
        List<AuditEntry> all = store.auditLog();
        assertEquals(count + 1, all.size());
        assertEquals("line 0 " + "y".repeat(150), all.get(0).reason());
        assertEquals("the line that passes the limit", all.get(count).reason());
        byte[] unzipped = AuditRollover.gunzip(parts.get(0));
        String text = new String(unzipped, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(earlier.toString())); // byte for byte as it was in audit.log
        assertEquals(count + 1, text.lines().count());
        System.out.printf("audit rollover: %d lines, %d bytes -> part of %d bytes, audit.log after: absent%n",
                all.size(), unzipped.length, Files.size(parts.get(0)));

        store.recordRefusal(ADMIN, null, "the first line of the new log");
        assertEquals(1, Files.readAllLines(dir.resolve("audit.log")).size());
        assertEquals(count + 2, LicenseStore.open(dir, IDS, clock).auditLog().size());
    }

    @Test
    void rolloversWithAClockThatStandsStill_getNamesInWritingOrderAndLoseNothing() throws Exception {
        LicenseStore store = open(SMALL_LIMIT, AuditRollover.StepListener.NONE);

        List<String> written = refuse(store, 0, 200);

        List<Path> parts = parts();
        assertTrue(parts.size() >= 8, parts.toString());
        assertEquals("audit-20261128T074512.123Z.log.gz", parts.get(0).getFileName().toString());
        assertEquals("audit-20261128T074512.124Z.log.gz", parts.get(1).getFileName().toString());
        assertEquals(written, reasons(store));
        for (Path part : parts) {
            assertTrue(AuditRollover.gunzip(part).length > SMALL_LIMIT, part.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(AuditRollover.Step.class)
    void crashAtStep_neitherLosesNorRepeatsALine(AuditRollover.Step step) throws Exception {
        AuditRollover.Step[] crashAt = {step};
        LicenseStore store = open(SMALL_LIMIT, reached -> {
            if (reached == crashAt[0]) {
                crashAt[0] = null;
                throw new SimulatedCrash(reached);
            }
        });
        List<String> written = new ArrayList<>();
        for (int i = 0; crashAt[0] != null; i++) {
            String reason = "refusal " + i + " " + "x".repeat(200);
            try {
                store.recordRefusal(ADMIN, null, reason);
            } catch (SimulatedCrash crash) {
                // the line was forced to disk before the rollover began
            }
            written.add(reason);
        }
        // Before the next start: a reader already sees every line once, the cut-off rollover's included.
        assertEquals(written, reasons(open(SMALL_LIMIT, AuditRollover.StepListener.NONE)));

        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".pending")), "finished at start");
        }
        LicenseStore restarted = open(SMALL_LIMIT, AuditRollover.StepListener.NONE);
        assertEquals(written, reasons(restarted));
        assertEquals(1, parts().size());
        written.addAll(refuse(restarted, 1000, 50));
        assertEquals(written, reasons(restarted));
    }

    @Test
    void ioFailureDuringRollover_keepsTheLineAndTheNextStartFinishesIt() throws Exception {
        boolean[] fail = {true};
        LicenseStore store = open(SMALL_LIMIT, reached -> {
            if (fail[0] && reached == AuditRollover.Step.MOVED_ASIDE) {
                fail[0] = false;
                throw new IOException("No space left on device");
            }
        });

        List<String> written = refuse(store, 0, 40); // no exception: the line is on disk, the rollover waits

        assertEquals(written, reasons(store));
        assertEquals(written, reasons(open(SMALL_LIMIT, AuditRollover.StepListener.NONE)));
        assertFalse(parts().isEmpty());
    }

    @Test
    void historyAppliedBy_comesFromPartsAndEachPartIsReadOnce() throws Exception {
        LicenseStore store = open(SMALL_LIMIT, AuditRollover.StepListener.NONE);
        store.apply(key("NVZ-A"), "NVZ-A", new Actor("alice", "192.0.2.7"));
        refuse(store, 0, 40);
        store.apply(key("NVZ-B"), "NVZ-B", new Actor("bob", "192.0.2.8"));
        refuse(store, 100, 40);
        assertFalse(parts().isEmpty());

        List<AuditEntry> activations = store.keyActivations();
        assertEquals(List.of("NVZ-A", "NVZ-B"), activations.stream().map(AuditEntry::licenseId).toList());
        assertEquals(List.of("alice", "bob"), activations.stream().map(AuditEntry::user).toList());

        // A part is written once: what it holds is remembered, it is not read again on the next change.
        Path first = parts().get(0);
        byte[] damaged = new byte[(int) Files.size(first)];
        Files.write(first, damaged);
        store.apply(key("NVZ-C"), "NVZ-C", ADMIN);
        assertEquals(List.of("NVZ-A", "NVZ-B", "NVZ-C"),
                store.keyActivations().stream().map(AuditEntry::licenseId).toList());
        assertThrows(StoreException.class, store::auditLog); // reading every line does read it
        assertArrayEquals(damaged, Files.readAllBytes(first));
    }
}

package com.netvizura.license.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * A failure or a crash between any two steps of an apply leaves exactly the old key active (before the commit) or
 * exactly the new one (after it), a parseable audit log, complete history files, and a store that keeps working.
 */
class ApplyFaultInjectionTest {

    private static final byte[] OLD = key("NVZ-OLD");
    private static final byte[] NEW = key("NVZ-NEW");
    private static final byte[] NEXT = key("NVZ-NEXT");

    /** Stands for the process dying: no catch block of the store may handle it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(ApplyStep step) {
            super("crash at " + step);
        }
    }

    /** Throws once, at the chosen step. */
    static final class FaultAt implements ApplyStepListener {
        private ApplyStep step;
        private final IOException failure;

        FaultAt(ApplyStep step, IOException failure) {
            this.step = step;
            this.failure = failure;
        }

        @Override
        public void reached(ApplyStep reached) throws IOException {
            if (reached != step) {
                return;
            }
            step = null;
            if (failure == null) {
                throw new SimulatedCrash(reached);
            }
            throw failure;
        }
    }

    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T07:45:12.123Z"), ZoneOffset.UTC);

    private LicenseStore open(ApplyStepListener listener) throws StoreException {
        return LicenseStore.open(dir, IDS, clock, listener, Duration.ofSeconds(5));
    }

    @BeforeEach
    void oldKeyIsActive() throws Exception {
        open(ApplyStepListener.NONE).apply(OLD, "NVZ-OLD", ADMIN);
    }

    @ParameterizedTest
    @EnumSource(ApplyStep.class)
    void ioFailureAtStep_leavesOldKeyBeforeCommitOrNewKeyAfter(ApplyStep step) throws Exception {
        LicenseStore store = open(new FaultAt(step, new IOException("injected at " + step)));

        if (step.afterCommit()) {
            ApplyOutcome outcome = store.apply(NEW, "NVZ-NEW", ADMIN);
            assertEquals(ApplyOutcome.Result.APPLIED, outcome.result());
            assertEquals(1, outcome.warnings().size(), outcome.warnings().toString());
            assertTrue(outcome.warnings().get(0).startsWith("The new license is active"));
            assertArrayEquals(NEW, store.activeKey().orElseThrow());
            assertHistory(OLD);
        } else {
            StoreException e = assertThrows(StoreException.class, () -> store.apply(NEW, "NVZ-NEW", ADMIN));
            assertEquals("store.writeFailed", e.messageKey());
            assertTrue(e.getMessage().contains("injected at " + step), e.getMessage());
            assertArrayEquals(OLD, store.activeKey().orElseThrow());
            assertEquals(1, store.readEpochFromDisk());
            assertHistory();
            AuditEntry last = lastAudit(store);
            assertEquals(AuditEntry.Outcome.FAILED, last.outcome());
            assertEquals(e.getMessage(), last.reason());
        }
        assertNoTempFiles(); // a failure cleans up at once, not only at the next start

        assertEquals(ApplyOutcome.Result.APPLIED, store.apply(NEXT, "NVZ-NEXT", ADMIN).result());
        assertArrayEquals(NEXT, open(ApplyStepListener.NONE).activeKey().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(ApplyStep.class)
    void crashAtStep_leavesExactlyOneCompleteKeyAndNextStartRepairs(ApplyStep step) throws Exception {
        LicenseStore store = open(new FaultAt(step, null));

        assertThrows(SimulatedCrash.class, () -> store.apply(NEW, "NVZ-NEW", ADMIN));

        byte[] active = Files.readAllBytes(dir.resolve("license.key"));
        assertArrayEquals(step.afterCommit() ? NEW : OLD, active);
        LicenseStore restarted = open(ApplyStepListener.NONE);
        assertNoTempFiles();
        for (HistoryEntry entry : restarted.history()) {
            assertArrayEquals(OLD, entry.readKey(), entry.file().toString());
        }
        if (step.afterCommit()) {
            assertEquals(1, restarted.history().size()); // the old key was in the history before the commit
        } else {
            assertEquals(0, restarted.history().size()); // the old key is still active: no copy of it stays
        }
        List<AuditEntry> audit = restarted.auditLog();
        if (step.afterCommit()) {
            // Counted exactly once: by the apply itself or, if cut off before the state write, by the restart.
            assertEquals(2, restarted.epoch());
            boolean repaired = step != ApplyStep.STATE_WRITTEN;
            assertEquals(repaired, audit.get(audit.size() - 1).outcome() == AuditEntry.Outcome.KEY_CHANGED_OUTSIDE_APPLY);
        } else {
            assertEquals(1, restarted.epoch());
            assertEquals(step == ApplyStep.HISTORY_SAVED ? AuditEntry.Outcome.HISTORY_COPY_REMOVED
                    : AuditEntry.Outcome.APPLIED, audit.get(audit.size() - 1).outcome());
        }

        ApplyOutcome next = restarted.apply(NEXT, "NVZ-NEXT", ADMIN);
        assertEquals(ApplyOutcome.Result.APPLIED, next.result());
        assertEquals(restarted.epoch(), open(ApplyStepListener.NONE).readEpochFromDisk());
        assertArrayEquals(NEXT, restarted.activeKey().orElseThrow());
        assertArrayEquals(active, lastHistoryEntry(restarted).readKey());
    }

    @Test
    void crashBetweenHistoryCopyAndCommit_nextStartRemovesTheCopyOfTheActiveKey_audited() throws Exception {
        LicenseStore store = open(new FaultAt(ApplyStep.HISTORY_SAVED, null));
        assertThrows(SimulatedCrash.class, () -> store.apply(NEW, "NVZ-NEW", ADMIN));
        List<Path> left = historyFiles();
        assertEquals(1, left.size());
        assertArrayEquals(OLD, Files.readAllBytes(left.get(0)), "the crash left a copy of the still-active key");

        LicenseStore restarted = open(ApplyStepListener.NONE);

        assertArrayEquals(OLD, restarted.activeKey().orElseThrow());
        assertEquals(List.of(), historyFiles());
        AuditEntry line = lastAudit(restarted);
        assertEquals(AuditEntry.Action.RECOVER, line.action());
        assertEquals(AuditEntry.Outcome.HISTORY_COPY_REMOVED, line.outcome());
        assertEquals("NVZ-OLD", line.licenseId());
        assertTrue(line.reason().contains(left.get(0).getFileName().toString()), line.reason());
        assertEquals(1, restarted.readEpochFromDisk(), "nothing changed the license");

        restarted.apply(NEW, "NVZ-NEW", ADMIN);
        assertHistory(OLD); // retired once, by the apply that completed
    }

    @Test
    void keyAppliedAgainFromTheHistory_staysInTheHistory_atRestartsAndAfterACutOffApply() throws Exception {
        LicenseStore store = open(ApplyStepListener.NONE);
        store.apply(NEW, "NVZ-NEW", ADMIN);
        store.apply(OLD, "NVZ-OLD", ADMIN); // OLD is active and, from its first time, in the history
        assertHistory(OLD, NEW);

        open(ApplyStepListener.NONE);
        assertHistory(OLD, NEW);

        LicenseStore crashing = open(new FaultAt(ApplyStep.HISTORY_SAVED, null));
        assertThrows(SimulatedCrash.class, () -> crashing.apply(NEXT, "NVZ-NEXT", ADMIN));
        assertEquals(3, historyFiles().size());
        open(ApplyStepListener.NONE);
        assertHistory(OLD, NEW); // only the cut-off apply's copy went
        assertEquals(1, open(ApplyStepListener.NONE).auditLog().stream()
                .filter(e -> e.outcome() == AuditEntry.Outcome.HISTORY_COPY_REMOVED).count());
    }

    @Test
    void stateFileRemovedByHand_keysAlreadyInTheHistoryStay() throws Exception {
        LicenseStore store = open(ApplyStepListener.NONE);
        store.apply(NEW, "NVZ-NEW", ADMIN);
        store.apply(OLD, "NVZ-OLD", ADMIN);
        Files.delete(dir.resolve("state.properties"));

        open(ApplyStepListener.NONE);
        open(ApplyStepListener.NONE);

        assertHistory(OLD, NEW);
    }

    @Test
    void otherProcessCutOffBeforeCommit_nextApplyHereRemovesItsCopy() throws Exception {
        LicenseStore running = open(ApplyStepListener.NONE); // a node that keeps running
        LicenseStore crashing = open(new FaultAt(ApplyStep.HISTORY_SAVED, null));
        assertThrows(SimulatedCrash.class, () -> crashing.apply(NEW, "NVZ-NEW", ADMIN));

        running.apply(NEXT, "NVZ-NEXT", ADMIN);

        assertHistory(OLD);
        assertArrayEquals(NEXT, running.activeKey().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = ApplyStep.class, names = {"HISTORY_COPY_WRITTEN", "HISTORY_SAVED"})
    void fileSystemWithoutAtomicMove_failsWithItsOwnMessageAndKeepsOldKey(ApplyStep beforeMove) throws Exception {
        Path keyFile = dir.resolve("license.key");
        LicenseStore store = open(new FaultAt(beforeMove,
                new AtomicMoveNotSupportedException(dir.resolve("x.tmp").toString(), keyFile.toString(), "cifs")));

        StoreException e = assertThrows(StoreException.class, () -> store.apply(NEW, "NVZ-NEW", ADMIN));

        assertEquals("store.atomicMoveUnsupported", e.messageKey());
        assertTrue(e.getMessage().contains("cannot replace files atomically"), e.getMessage());
        assertArrayEquals(OLD, store.activeKey().orElseThrow());
        assertHistory();
        assertNoTempFiles();
    }

    @Test
    void diskFull_failsNamingTheCauseAndKeepsOldKey() throws Exception {
        LicenseStore store = open(new FaultAt(ApplyStep.NEW_KEY_WRITTEN,
                new FileSystemException(dir.resolve("license.key").toString(), null, "No space left on device")));

        StoreException e = assertThrows(StoreException.class, () -> store.apply(NEW, "NVZ-NEW", ADMIN));

        assertTrue(e.getMessage().contains("(No space left on device ["), e.getMessage());
        assertTrue(e.getMessage().contains("free space"), e.getMessage());
        assertArrayEquals(OLD, store.activeKey().orElseThrow());
    }

    private AuditEntry lastAudit(LicenseStore store) throws StoreException {
        List<AuditEntry> audit = store.auditLog();
        return audit.get(audit.size() - 1);
    }

    private HistoryEntry lastHistoryEntry(LicenseStore store) throws StoreException {
        List<HistoryEntry> history = store.history();
        return history.get(history.size() - 1);
    }

    private void assertHistory(byte[]... expected) throws Exception {
        List<HistoryEntry> history = open(ApplyStepListener.NONE).history();
        assertEquals(expected.length, history.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], history.get(i).readKey());
        }
    }

    private List<Path> historyFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("history"))) {
            return files.sorted().toList();
        }
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(DurableFiles::isOwnTemp));
        }
    }
}

package com.netvizura.license.store;

import static com.netvizura.license.store.TestKeys.ADMIN;
import static com.netvizura.license.store.TestKeys.IDS;
import static com.netvizura.license.store.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key the admin confirmed against one epoch, and the audit lines of keys that changed nothing. */
class ConfirmedApplyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T07:45:12.123Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private LicenseStore open() throws StoreException {
        return LicenseStore.open(home.resolve("license"), IDS, CLOCK);
    }

    private Path file(String name) {
        return home.resolve("license").resolve(name);
    }

    @Test
    void applyIfUnchanged_atTheExpectedEpoch_appliesAndAuditsTheNote() throws Exception {
        LicenseStore store = open();
        store.apply(key("NVZ-1"), "NVZ-1", ADMIN);

        ApplyOutcome outcome = store.applyIfUnchanged(key("NVZ-2"), "NVZ-2", ADMIN, 1, "applied anyway");

        assertEquals(ApplyOutcome.Result.APPLIED, outcome.result());
        assertEquals(2, outcome.epoch());
        assertArrayEquals(key("NVZ-2"), store.activeKey().orElseThrow());
        AuditEntry last = store.auditLog().get(1);
        assertEquals(AuditEntry.Outcome.APPLIED, last.outcome());
        assertEquals("applied anyway", last.reason());
    }

    @Test
    void applyIfUnchanged_afterAnotherProcessChangedTheKey_isStaleAndWritesNothing() throws Exception {
        LicenseStore store = open();
        store.apply(key("NVZ-1"), "NVZ-1", ADMIN);
        open().apply(key("NVZ-3"), "NVZ-3", ADMIN); // another node on the same directory, epoch 2
        byte[] keyBefore = Files.readAllBytes(file("license.key"));
        byte[] stateBefore = Files.readAllBytes(file("state.properties"));
        byte[] auditBefore = Files.readAllBytes(file("audit.log"));
        List<HistoryEntry> historyBefore = store.history();

        ApplyOutcome outcome = store.applyIfUnchanged(key("NVZ-2"), "NVZ-2", ADMIN, 1, "applied anyway");

        assertEquals(ApplyOutcome.Result.STALE, outcome.result());
        assertEquals(2, outcome.epoch());
        assertArrayEquals(keyBefore, Files.readAllBytes(file("license.key")));
        assertArrayEquals(stateBefore, Files.readAllBytes(file("state.properties")));
        assertArrayEquals(auditBefore, Files.readAllBytes(file("audit.log")), "the caller audits the refusal");
        assertEquals(historyBefore, store.history());
    }

    @Test
    void recordHeldAndCancelled_writeOneLineEach_andTouchNothingElse() throws Exception {
        LicenseStore store = open();
        store.apply(key("NVZ-1"), "NVZ-1", ADMIN);
        byte[] keyBefore = Files.readAllBytes(file("license.key"));
        byte[] stateBefore = Files.readAllBytes(file("state.properties"));

        store.recordHeld(ADMIN, "NVZ-2", "Module eventlog would no longer be licensed.");
        store.recordCancelled(ADMIN, "NVZ-2", null);

        List<AuditEntry> audit = store.auditLog();
        assertEquals(List.of(
                new AuditEntry(CLOCK.instant(), "admin", "192.0.2.10", AuditEntry.Action.APPLY, "NVZ-2",
                        AuditEntry.Outcome.HELD, "Module eventlog would no longer be licensed."),
                new AuditEntry(CLOCK.instant(), "admin", "192.0.2.10", AuditEntry.Action.APPLY, "NVZ-2",
                        AuditEntry.Outcome.CANCELLED, null)), audit.subList(1, 3));
        assertArrayEquals(keyBefore, Files.readAllBytes(file("license.key")));
        assertArrayEquals(stateBefore, Files.readAllBytes(file("state.properties")));
        assertEquals(List.of(), store.history());
    }

    @Test
    void keyDigest_isTheLowerCaseHexSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", KeyDigest.sha256(new byte[0]));
    }
}

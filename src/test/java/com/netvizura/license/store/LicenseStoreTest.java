package com.netvizura.license.store;

import com.netvizura.license.model.Actor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.netvizura.license.store.TestKeys.ADMIN;
import static com.netvizura.license.store.TestKeys.IDS;
import static com.netvizura.license.store.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LicenseStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-28T07:45:12.123Z");

    @TempDir
    Path home;

    private Path licenseDir() {
        return home.resolve("license");
    }

    private LicenseStore open(Instant now) throws StoreException {
        return LicenseStore.open(licenseDir(), IDS, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void open_missingDirectory_createsItWithNoActiveKey() throws Exception {
        LicenseStore store = open(T0);

        assertTrue(Files.isDirectory(licenseDir().resolve("history")));
        assertEquals(Optional.empty(), store.activeKey());
        assertEquals(0, store.epoch());
        assertEquals(List.of(), store.history());
        assertEquals(List.of(), store.auditLog());
    }

    @Test
    void apply_firstKey_becomesActiveByteForByteAndIsAudited() throws Exception {
        LicenseStore store = open(T0);
        byte[] a = key("NVZ-2026-000001");

        ApplyOutcome outcome = store.apply(a, "NVZ-2026-000001", ADMIN);

        assertEquals(ApplyOutcome.Result.APPLIED, outcome.result());
        assertEquals(1, outcome.epoch());
        assertEquals(List.of(), outcome.warnings());
        assertArrayEquals(a, Files.readAllBytes(licenseDir().resolve("license.key")));
        assertArrayEquals(a, store.activeKey().orElseThrow());
        assertEquals(1, store.epoch());
        assertEquals(List.of(), store.history());
        AuditEntry line = store.auditLog().get(0);
        assertEquals(new AuditEntry(T0, "admin", "192.0.2.10", AuditEntry.Action.APPLY, "NVZ-2026-000001",
                AuditEntry.Outcome.APPLIED, null), line);
    }

    @Test
    void apply_sameBytesAgain_isAlreadyActiveAndChangesNothing() throws Exception {
        LicenseStore store = open(T0);
        byte[] a = key("NVZ-1");
        store.apply(a, "NVZ-1", ADMIN);

        ApplyOutcome again = store.apply(a.clone(), "NVZ-1", new Actor("second-admin", "198.51.100.7"));

        assertEquals(ApplyOutcome.Result.ALREADY_ACTIVE, again.result());
        assertEquals(1, again.epoch());
        assertEquals(1, store.readEpochFromDisk());
        assertEquals(List.of(), store.history());
        List<AuditEntry> audit = store.auditLog();
        assertEquals(2, audit.size());
        assertEquals(AuditEntry.Outcome.ALREADY_ACTIVE, audit.get(1).outcome());
        assertEquals("second-admin", audit.get(1).user());
    }

    @Test
    void apply_threeKeys_keepsTheTwoPreviousInHistoryWithTheirIdsAndTimes() throws Exception {
        byte[] a = key("NVZ-A");
        byte[] b = key("NVZ-B");
        byte[] c = key("NVZ-C");
        open(T0).apply(a, "NVZ-A", ADMIN);
        open(T0.plusSeconds(60)).apply(b, "NVZ-B", ADMIN);
        LicenseStore store = open(T0.plusSeconds(120));
        ApplyOutcome last = store.apply(c, "NVZ-C", ADMIN);

        assertEquals(3, last.epoch());
        List<HistoryEntry> history = store.history();
        assertEquals(2, history.size());
        assertEquals("20261128T074612.123Z_NVZ-A.key", history.get(0).file().getFileName().toString());
        assertEquals("20261128T074712.123Z_NVZ-B.key", history.get(1).file().getFileName().toString());
        assertEquals(T0.plusSeconds(60), history.get(0).retiredAt());
        assertEquals("NVZ-B", history.get(1).licenseId());
        assertArrayEquals(a, history.get(0).readKey());
        assertArrayEquals(b, history.get(1).readKey());
        assertArrayEquals(c, store.activeKey().orElseThrow());
    }

    @Test
    void apply_severalRetirementsInOneMillisecond_keepAllCopiesInRetirementOrder() throws Exception {
        LicenseStore store = open(T0); // fixed clock: every apply happens "at the same millisecond"
        byte[] a = key("NVZ-A");
        byte[] b = key("NVZ-B");
        store.apply(a, "NVZ-A", ADMIN);
        store.apply(b, "NVZ-B", ADMIN);
        store.apply(a, "NVZ-A", ADMIN);
        store.apply(b, "NVZ-B", ADMIN);

        List<HistoryEntry> history = store.history();
        assertEquals(3, history.size());
        assertEquals(List.of("20261128T074512.123Z_NVZ-A.key", "20261128T074512.124Z_NVZ-B.key",
                        "20261128T074512.125Z_NVZ-A.key"),
                history.stream().map(e -> e.file().getFileName().toString()).toList());
        assertArrayEquals(a, history.get(2).readKey());
    }

    @Test
    void apply_afterClockWasSetBack_historyStillSortsInRetirementOrder() throws Exception {
        open(T0).apply(key("NVZ-A"), "NVZ-A", ADMIN);
        open(T0).apply(key("NVZ-B"), "NVZ-B", ADMIN);
        open(T0.minusSeconds(86_400)).apply(key("NVZ-C"), "NVZ-C", ADMIN);

        assertEquals(List.of("NVZ-A", "NVZ-B"), open(T0).history().stream().map(HistoryEntry::licenseId).toList());
    }

    @Test
    void apply_licenseIdWithPathCharacters_cannotLeaveTheHistoryDirectory() throws Exception {
        LicenseStore store = open(T0);
        byte[] evil = key("../../../etc/cron.d/x");
        store.apply(evil, "../../../etc/cron.d/x", ADMIN);
        store.apply(key("NVZ-B"), "NVZ-B", ADMIN);

        HistoryEntry entry = store.history().get(0);
        assertEquals(licenseDir().resolve("history"), entry.file().getParent());
        assertEquals("20261128T074512.123Z_.._.._.._etc_cron.d_x.key", entry.file().getFileName().toString());
        assertArrayEquals(evil, entry.readKey());
    }

    @Test
    void apply_previousKeyWithoutReadableId_isKeptAsUnknown() throws Exception {
        LicenseStore store = LicenseStore.open(licenseDir(), bytes -> {
            throw new IllegalStateException("not a key");
        }, Clock.fixed(T0, ZoneOffset.UTC));
        byte[] junk = "no id here".getBytes(StandardCharsets.UTF_8);
        store.apply(junk, null, ADMIN);
        store.apply(key("NVZ-B"), "NVZ-B", ADMIN);

        HistoryEntry entry = store.history().get(0);
        assertEquals("unknown", entry.licenseId());
        assertArrayEquals(junk, entry.readKey());
    }

    @Test
    void recordRefusal_isAuditedAndChangesNothing() throws Exception {
        LicenseStore store = open(T0);
        byte[] a = key("NVZ-A");
        store.apply(a, "NVZ-A", ADMIN);

        store.recordRefusal(ADMIN, "NVZ-X", "The key is bound to another installation code.");
        store.recordRefusal(ADMIN, null, "The file is not a NetVizura license key.");

        assertArrayEquals(a, store.activeKey().orElseThrow());
        assertEquals(1, store.readEpochFromDisk());
        assertEquals(List.of(), store.history());
        List<AuditEntry> audit = store.auditLog();
        assertEquals(3, audit.size());
        assertEquals(new AuditEntry(T0, "admin", "192.0.2.10", AuditEntry.Action.APPLY, "NVZ-X",
                AuditEntry.Outcome.REFUSED, "The key is bound to another installation code."), audit.get(1));
        assertNull(audit.get(2).licenseId());
        assertEquals(AuditEntry.Outcome.REFUSED, audit.get(2).outcome());
    }

    @Test
    void readEpochFromDisk_seesAnApplyMadeByAnotherStoreOnTheSameDirectory() throws Exception {
        LicenseStore tomcat1 = open(T0);
        LicenseStore tomcat2 = open(T0);
        assertEquals(0, tomcat1.readEpochFromDisk());

        tomcat2.apply(key("NVZ-A"), "NVZ-A", ADMIN);

        assertEquals(0, tomcat1.epoch());
        assertEquals(1, tomcat1.readEpochFromDisk());
        assertEquals(1, tomcat1.epoch());
        assertArrayEquals(key("NVZ-A"), tomcat1.activeKey().orElseThrow());
    }

    @Test
    void open_keyReplacedByHand_countsItAsAChangeAndAuditsIt() throws Exception {
        open(T0).apply(key("NVZ-A"), "NVZ-A", ADMIN);
        Files.write(licenseDir().resolve("license.key"), key("NVZ-HAND"));

        LicenseStore store = open(T0);

        assertEquals(2, store.epoch());
        AuditEntry last = store.auditLog().get(1);
        assertEquals(AuditEntry.Action.RECOVER, last.action());
        assertEquals(AuditEntry.Outcome.KEY_CHANGED_OUTSIDE_APPLY, last.outcome());
        assertEquals("NVZ-HAND", last.licenseId());
        assertEquals(2, open(T0).epoch()); // counted once, not on every start
    }

    @Test
    void apply_leavesNoTempFilesBehind() throws Exception {
        LicenseStore store = open(T0);
        store.apply(key("NVZ-A"), "NVZ-A", ADMIN);
        store.apply(key("NVZ-B"), "NVZ-B", ADMIN);

        try (Stream<Path> files = Files.walk(licenseDir())) {
            assertFalse(files.anyMatch(DurableFiles::isOwnTemp));
        }
        try (Stream<Path> names = Files.list(licenseDir())) {
            assertEquals(List.of(".store.lock", "audit.log", "history", "license.key", "state.properties"),
                    names.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void open_removesOnlyItsOwnTempFilesAndNeverAKey() throws Exception {
        open(T0).apply(key("NVZ-A"), "NVZ-A", ADMIN);
        Path ownTemp = Files.write(licenseDir().resolve(".store-0123456789abcdef.tmp"), new byte[] {1});
        Path ownHistoryTemp = Files.write(licenseDir().resolve("history/.store-fedcba9876543210.tmp"), new byte[] {1});
        Path foreign = Files.write(licenseDir().resolve("notes.tmp"), new byte[] {1});
        Path strayKey = Files.write(licenseDir().resolve("history/old-by-hand.key"), key("NVZ-OLD"));

        open(T0);

        assertFalse(Files.exists(ownTemp));
        assertFalse(Files.exists(ownHistoryTemp));
        assertTrue(Files.exists(foreign));
        assertTrue(Files.exists(strayKey));
        assertTrue(Files.exists(licenseDir().resolve("license.key")));
    }

    @Test
    void stateProperties_holdsTheEpochInPlainText() throws Exception {
        LicenseStore store = open(T0);
        store.apply(key("NVZ-A"), "NVZ-A", ADMIN);
        store.apply(key("NVZ-B"), "NVZ-B", ADMIN);

        String state = Files.readString(licenseDir().resolve("state.properties"));
        assertTrue(state.contains("\nepoch=2\n"), state);
    }

    @Test
    void readEpochFromDisk_damagedStateFile_saysWhichFileAndWhatToDo() throws Exception {
        LicenseStore store = open(T0);
        Files.writeString(licenseDir().resolve("state.properties"), "epoch=twelve\n");

        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                store::readEpochFromDisk);
        assertEquals("store.stateCorrupt", e.messageKey());
        assertTrue(e.getMessage().contains("state.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("Remove it"), e.getMessage());
    }
}

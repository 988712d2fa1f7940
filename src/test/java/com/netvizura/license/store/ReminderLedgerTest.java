package com.netvizura.license.store;

import static com.netvizura.license.store.TestKeys.ADMIN;
import static com.netvizura.license.store.TestKeys.IDS;
import static com.netvizura.license.store.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of reminder mail in {@code state.properties}, shared by the nodes on one data directory. */
class ReminderLedgerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(30);
    private static final String ID = "NVZ-2026-000042";

    @TempDir
    Path home;

    private LicenseStore store() throws StoreException {
        return LicenseStore.open(home.resolve("license"), IDS, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void claim_freshThreshold_isTaken_secondNodeGetsNothing() throws Exception {
        ReminderLedger a = store().reminderLedger();
        ReminderLedger b = store().reminderLedger();

        Optional<ReminderLedger.Claim> first = a.claim(ID, "usage-7", "node-a", T0, LEASE);
        Optional<ReminderLedger.Claim> second = b.claim(ID, "usage-7", "node-b", T0.plusSeconds(5), LEASE);

        assertTrue(first.isPresent());
        assertEquals(Optional.empty(), second, "one node sends");
    }

    @Test
    void recordSent_marksTheThresholdsDone_nobodyClaimsThemAgain() throws Exception {
        ReminderLedger ledger = store().reminderLedger();
        ReminderLedger.Claim claim = ledger.claim(ID, "usage-7", "node-a", T0, LEASE).orElseThrow();

        ledger.recordSent(claim, List.of("usage-7", "usage-14", "usage-30"), T0.plusSeconds(2));

        ReminderLedger afterRestart = store().reminderLedger();
        assertEquals(Set.of("usage-7", "usage-14", "usage-30"), afterRestart.done(ID));
        assertEquals(Optional.empty(), afterRestart.claim(ID, "usage-7", "node-b", T0.plusSeconds(3600), LEASE));
        assertEquals(Optional.empty(), afterRestart.claim(ID, "usage-14", "node-b", T0.plusSeconds(3600), LEASE));
        assertTrue(afterRestart.claim(ID, "usage-1", "node-b", T0.plusSeconds(3600), LEASE).isPresent(),
                "a more urgent threshold is still due");
        ReminderLedger.Event sent = afterRestart.events().lastSent().orElseThrow();
        assertEquals(new ReminderLedger.Event(T0.plusSeconds(2), ID, "usage-7", null), sent);
    }

    @Test
    void recordFailed_releasesTheClaim_theNextCheckOfAnyNodeTriesAgain() throws Exception {
        ReminderLedger ledger = store().reminderLedger();
        ReminderLedger.Claim claim = ledger.claim(ID, "usage-7", "node-a", T0, LEASE).orElseThrow();

        ledger.recordFailed(claim, "The mail server [127.0.0.1:25] refused the connection.", T0.plusSeconds(1));

        assertEquals(Set.of(), ledger.done(ID));
        assertTrue(ledger.claim(ID, "usage-7", "node-b", T0.plusSeconds(60), LEASE).isPresent());
        assertEquals("The mail server [127.0.0.1:25] refused the connection.",
                ledger.events().lastFailed().orElseThrow().reason());
    }

    @Test
    void claim_ofANodeThatDied_isTakenOverOnlyAfterTheLease() throws Exception {
        ReminderLedger ledger = store().reminderLedger();
        ledger.claim(ID, "usage-7", "node-a", T0, LEASE).orElseThrow();

        Optional<ReminderLedger.Claim> tooEarly = ledger.claim(ID, "usage-7", "node-b", T0.plus(LEASE).minusSeconds(1),
                LEASE);
        Optional<ReminderLedger.Claim> afterLease = ledger.claim(ID, "usage-7", "node-b", T0.plus(LEASE), LEASE);

        assertEquals(Optional.empty(), tooEarly);
        assertTrue(afterLease.isPresent());
    }

    @Test
    void lateOutcomeOfTheFirstNode_doesNotReleaseTheClaimThatTookItOver() throws Exception {
        ReminderLedger ledger = store().reminderLedger();
        ReminderLedger.Claim old = ledger.claim(ID, "usage-7", "node-a", T0, LEASE).orElseThrow();
        ledger.claim(ID, "usage-7", "node-b", T0.plus(LEASE), LEASE).orElseThrow();

        ledger.recordFailed(old, "timeout", T0.plus(LEASE).plusSeconds(1));

        assertEquals(Optional.empty(), ledger.claim(ID, "usage-7", "node-c", T0.plus(LEASE).plusSeconds(2), LEASE),
                "node-b is still sending");
    }

    @Test
    void entries_surviveAnApplyAndTheClockMark_andOddLicenseIdsRoundTrip() throws Exception {
        LicenseStore store = store();
        String odd = "NVZ 2026=\"odd\":id#1!\\\u00e9";
        ReminderLedger ledger = store.reminderLedger();
        ReminderLedger.Claim claim = ledger.claim(odd, "maintenance-30", "node-a", T0, LEASE).orElseThrow();
        ledger.recordFailed(claim, " two\nlines and a \\ backslash", T0);
        ledger.recordSent(ledger.claim(odd, "maintenance-30", "node-a", T0, LEASE).orElseThrow(),
                List.of("maintenance-30"), T0);

        store.apply(key("NVZ-2026-000043"), "NVZ-2026-000043", ADMIN);
        store.clockGuard(Duration.ZERO).looksSetBack(T0.plusSeconds(7200));

        ReminderLedger reread = store().reminderLedger();
        assertEquals(Set.of("maintenance-30"), reread.done(odd));
        assertEquals(" two\nlines and a \\ backslash", reread.events().lastFailed().orElseThrow().reason());
        assertEquals(odd, reread.events().lastSent().orElseThrow().licenseId());
        assertEquals(1, store().readEpochFromDisk(), "the apply was counted as before");
    }
}

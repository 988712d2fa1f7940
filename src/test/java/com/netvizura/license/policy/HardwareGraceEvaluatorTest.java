package com.netvizura.license.policy;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.HardwareComponent;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.netvizura.license.model.HardwareComponent.NETWORK_CARDS;
import static com.netvizura.license.model.HardwareComponent.OS_INSTALLATION_ID;
import static com.netvizura.license.model.HardwareComponent.PROCESSOR_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hardware grace (DESIGN.md section 13) with a fixed clock: the first day the mismatch was seen is what the store
 * recorded for the license id, passed in, so a restart (a new evaluator) counts from the same day.
 */
class HardwareGraceEvaluatorTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-20"));
    private static final Set<HardwareComponent> THREE = EnumSet.of(PROCESSOR_ID, OS_INSTALLATION_ID, NETWORK_CARDS);
    private static final ThisMachine MOVED = code -> new MachineMatch(false, THREE,
            EnumSet.of(PROCESSOR_ID, OS_INSTALLATION_ID), "two of three must match");
    private static final ThisMachine SAME = code -> new MachineMatch(true, THREE, Set.of(), "two of three must match");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2027-02-01");

    private static License perpetual(String id, int hardwareGraceDays) {
        return new License(id, Instant.parse("2026-11-27T10:00:00Z"), "Acme Networks", null, LicenseType.PERPETUAL,
                LocalDate.parse("2027-11-27"), null, "NVZ1-AAAAA-BBBBB-CCCCC", List.of("netflow"), Map.of(), null,
                Map.of(), hardwareGraceDays);
    }

    private static Verdict onDay(LocalDate today, ThisMachine machine, License license, Optional<LocalDate> recorded) {
        Clock clock = Clock.fixed(today.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        return new LicenseEvaluator(machine, clock, BUILD).evaluateActive(Optional.of(license), recorded);
    }

    @Test
    void firstDay_nothingRecordedYet_runsInHardwareGraceUntilTodayPlusTheClaim() {
        Verdict v = onDay(FIRST_DAY, MOVED, perpetual("NVZ-1", 14), Optional.empty());

        assertEquals(LicenseStatus.HARDWARE_GRACE, v.status());
        assertTrue(v.operational());
        assertEquals(Severity.WARNING, v.severity());
        assertEquals(Optional.of(LocalDate.parse("2027-02-15")), v.hardwareGraceUntil());
        assertTrue(v.explanation().contains("processor and operating-system installation changed"), v.explanation());
        assertTrue(v.explanation().contains("until 2027-02-15 (14 days left)"), v.explanation());
    }

    @Test
    void lastDay_stillInHardwareGrace() {
        Verdict v = onDay(FIRST_DAY.plusDays(14), MOVED, perpetual("NVZ-1", 14), Optional.of(FIRST_DAY));

        assertEquals(LicenseStatus.HARDWARE_GRACE, v.status());
        assertTrue(v.explanation().contains("(last day)"), v.explanation());
    }

    @Test
    void dayAfterTheLastDay_isOtherMachineAndSaysTheGraceEnded() {
        Verdict v = onDay(FIRST_DAY.plusDays(15), MOVED, perpetual("NVZ-1", 14), Optional.of(FIRST_DAY));

        assertEquals(LicenseStatus.OTHER_MACHINE, v.status());
        assertFalse(v.operational());
        assertEquals(Optional.empty(), v.hardwareGraceUntil());
        assertTrue(v.notes().stream().anyMatch(n -> n.contains("ended on 2027-02-15")), v.notes().toString());
    }

    @Test
    void restart_countsFromTheRecordedDayNotFromTheRestart() {
        Verdict v = onDay(FIRST_DAY.plusDays(5), MOVED, perpetual("NVZ-1", 14), Optional.of(FIRST_DAY));

        assertEquals(Optional.of(LocalDate.parse("2027-02-15")), v.hardwareGraceUntil());
        assertTrue(v.explanation().contains("(9 days left)"), v.explanation());
    }

    @Test
    void matchingAgain_isValid_andALaterMismatchGetsNoSecondGrace() {
        License license = perpetual("NVZ-1", 14);

        assertEquals(LicenseStatus.VALID, onDay(FIRST_DAY.plusDays(3), SAME, license, Optional.of(FIRST_DAY)).status());
        Verdict later = onDay(FIRST_DAY.plusDays(40), MOVED, license, Optional.of(FIRST_DAY));
        assertEquals(LicenseStatus.OTHER_MACHINE, later.status());
    }

    @Test
    void oncePerLicenseId_aNewLicenseIdWithoutARecordedDayStartsAfresh() {
        LocalDate today = FIRST_DAY.plusDays(40);

        assertEquals(LicenseStatus.OTHER_MACHINE,
                onDay(today, MOVED, perpetual("NVZ-1", 14), Optional.of(FIRST_DAY)).status());
        Verdict fresh = onDay(today, MOVED, perpetual("NVZ-2", 14), Optional.empty());
        assertEquals(LicenseStatus.HARDWARE_GRACE, fresh.status());
        assertEquals(Optional.of(today.plusDays(14)), fresh.hardwareGraceUntil());
    }

    @Test
    void noClaim_isOtherMachineAsBefore() {
        Verdict v = onDay(FIRST_DAY, MOVED, perpetual("NVZ-1", 0), Optional.empty());
        Clock clock = Clock.fixed(FIRST_DAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        Verdict before = new LicenseEvaluator(MOVED, clock, BUILD).evaluate(Optional.of(perpetual("NVZ-1", 0)));

        assertEquals(LicenseStatus.OTHER_MACHINE, v.status());
        assertEquals(before, v);
    }

    @Test
    void aNewKeyForAnotherMachine_getsNoHardwareGrace() {
        Clock clock = Clock.fixed(FIRST_DAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        Verdict v = new LicenseEvaluator(MOVED, clock, BUILD).evaluate(Optional.of(perpetual("NVZ-1", 14)));

        assertEquals(LicenseStatus.OTHER_MACHINE, v.status());
    }

    @Test
    void matchingMachine_hasNoHardwareGraceDay() {
        Verdict v = onDay(FIRST_DAY, SAME, perpetual("NVZ-1", 14), Optional.empty());

        assertEquals(LicenseStatus.VALID, v.status());
        assertEquals(Optional.empty(), v.hardwareGraceUntil());
    }

    @Test
    void expiredSubscription_staysExpiredDuringHardwareGrace() {
        License expired = new License("NVZ-1", Instant.parse("2026-01-01T10:00:00Z"), "Acme Networks", null,
                LicenseType.SUBSCRIPTION, LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-31"),
                "NVZ1-AAAAA-BBBBB-CCCCC", List.of(), Map.of(), null, Map.of(), 14);

        assertEquals(LicenseStatus.EXPIRED, onDay(FIRST_DAY, MOVED, expired, Optional.empty()).status());
    }
}

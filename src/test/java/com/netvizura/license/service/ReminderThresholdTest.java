package com.netvizura.license.service;

import static com.netvizura.license.service.ReminderThreshold.GRACE_STARTED;
import static com.netvizura.license.service.ReminderThreshold.MAINTENANCE_1;
import static com.netvizura.license.service.ReminderThreshold.MAINTENANCE_14;
import static com.netvizura.license.service.ReminderThreshold.MAINTENANCE_30;
import static com.netvizura.license.service.ReminderThreshold.MAINTENANCE_7;
import static com.netvizura.license.service.ReminderThreshold.STOPPED;
import static com.netvizura.license.service.ReminderThreshold.USAGE_1;
import static com.netvizura.license.service.ReminderThreshold.USAGE_14;
import static com.netvizura.license.service.ReminderThreshold.USAGE_30;
import static com.netvizura.license.service.ReminderThreshold.USAGE_7;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which reminder thresholds a license has crossed, and which one is the most urgent. */
class ReminderThresholdTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    private static LicenseStatusReport report(LicenseStatus status, LicenseType type, long maintenanceDays,
            Long usageDays) {
        License license = new License("NVZ-1", Instant.parse("2026-01-01T00:00:00Z"), "ACME", null, type,
                TODAY.plusDays(maintenanceDays), usageDays == null ? null : TODAY.plusDays(usageDays), "NVZ1-X",
                List.of(), Map.of(), null, Map.of());
        Verdict verdict = new Verdict(status, status.operational() ? Severity.OK : Severity.ERROR, "sentence",
                Optional.of(license), OptionalLong.of(maintenanceDays),
                usageDays == null ? OptionalLong.empty() : OptionalLong.of(usageDays),
                usageDays == null ? Optional.empty() : Optional.of(TODAY.plusDays(usageDays + LicenseService.GRACE_DAYS)),
                Optional.empty(), List.of());
        return new LicenseStatusReport(verdict, "NVZ1-X", 1, TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), 0,
                ZoneOffset.UTC);
    }

    private static Set<ReminderThreshold> crossed(LicenseStatusReport report) {
        return ReminderThreshold.crossed(report);
    }

    @Test
    void subscriptionEndingInSixDays_crossedThe7_14_30DayThresholds_7IsTheMostUrgent() {
        Set<ReminderThreshold> crossed = crossed(report(LicenseStatus.VALID, LicenseType.SUBSCRIPTION, 6, 6L));

        assertEquals(EnumSet.of(USAGE_7, MAINTENANCE_7, USAGE_14, MAINTENANCE_14, USAGE_30, MAINTENANCE_30), crossed);
        assertEquals(USAGE_7, crossed.iterator().next());
    }

    @Test
    void thirtyOneDaysAhead_nothing_thirtyDaysAhead_the30DayOne() {
        assertEquals(Set.of(), crossed(report(LicenseStatus.VALID, LicenseType.PERPETUAL, 31, null)));
        assertEquals(EnumSet.of(MAINTENANCE_30), crossed(report(LicenseStatus.VALID, LicenseType.PERPETUAL, 30, null)));
    }

    @Test
    void lastDay_countsAsOneDayBefore() {
        assertEquals(EnumSet.of(MAINTENANCE_1, MAINTENANCE_7, MAINTENANCE_14, MAINTENANCE_30),
                crossed(report(LicenseStatus.VALID, LicenseType.PERPETUAL, 0, null)));
    }

    @Test
    void perpetualAfterMaintenance_stillRunning_needsNoReminder() {
        assertEquals(Set.of(), crossed(report(LicenseStatus.MAINTENANCE_ENDED, LicenseType.PERPETUAL, -3, null)));
    }

    @Test
    void inGrace_theGraceReminder() {
        Set<ReminderThreshold> crossed = crossed(report(LicenseStatus.GRACE, LicenseType.SUBSCRIPTION, -1, -1L));

        assertEquals(EnumSet.of(GRACE_STARTED), crossed);
    }

    @Test
    void stoppedWhileAnEndIsNear_stoppedComesFirst() {
        Set<ReminderThreshold> crossed = crossed(report(LicenseStatus.OTHER_MACHINE, LicenseType.SUBSCRIPTION, 1, 1L));

        assertEquals(STOPPED, crossed.iterator().next());
        assertEquals(EnumSet.of(STOPPED, USAGE_1, MAINTENANCE_1, USAGE_7, MAINTENANCE_7, USAGE_14, MAINTENANCE_14,
                USAGE_30, MAINTENANCE_30), crossed);
    }

    @Test
    void maintenanceSoonerThanUsage_eachEndHasItsOwnThresholds() {
        Set<ReminderThreshold> crossed = crossed(report(LicenseStatus.VALID, LicenseType.SUBSCRIPTION, 10, 40L));

        assertEquals(EnumSet.of(MAINTENANCE_14, MAINTENANCE_30), crossed);
    }

    @Test
    void withoutLicense_nothing() {
        Verdict none = new Verdict(LicenseStatus.NO_LICENSE, Severity.ERROR, "none", Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of());

        assertEquals(Set.of(), crossed(new LicenseStatusReport(none, "NVZ1-X", 0, Instant.EPOCH, 0, ZoneOffset.UTC)));
    }
}

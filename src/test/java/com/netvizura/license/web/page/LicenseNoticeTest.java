package com.netvizura.license.web.page;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.HardwareComponent;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.policy.ThisMachine;
import com.netvizura.license.web.page.LicenseNotice.Kind;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the license notice says for real verdicts on chosen days: when it speaks, its colour, and its thresholds. */
class LicenseNoticeTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");
    private static final LocalDate LAST_DAY = LocalDate.parse("2027-06-30");
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-20"));
    private static final ThisMachine SAME = code -> new MachineMatch(true,
            EnumSet.of(HardwareComponent.PROCESSOR_ID, HardwareComponent.NETWORK_CARDS), Set.of(), "same");
    private static final ThisMachine OTHER = code -> new MachineMatch(false, Set.of(),
            EnumSet.of(HardwareComponent.PROCESSOR_ID, HardwareComponent.NETWORK_CARDS), "other");

    private static License subscription() {
        return license(LicenseType.SUBSCRIPTION, LAST_DAY, LAST_DAY);
    }

    private static License perpetual() {
        return license(LicenseType.PERPETUAL, LAST_DAY, null);
    }

    private static License license(LicenseType type, LocalDate maintenanceUntil, LocalDate usageUntil) {
        return new License("NVZ-2026-000123", Instant.parse("2026-07-01T10:00:00Z"), "Acme Networks", null, type,
                maintenanceUntil, usageUntil, "NVZ1-AAAAA", List.of("netflow"), Map.of(), null, Map.of());
    }

    private static Optional<LicenseNotice> noticeOn(License license, LocalDate day, int noticeDays) {
        return noticeOn(Optional.of(license), day, noticeDays, SAME);
    }

    private static Optional<LicenseNotice> noticeOn(Optional<License> license, LocalDate day, int noticeDays,
            ThisMachine machine) {
        Clock clock = Clock.fixed(day.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        Verdict verdict = new LicenseEvaluator(machine, clock, BUILD).evaluate(license);
        return LicenseNotice.of(verdict, day, noticeDays, Locale.ENGLISH);
    }

    @Test
    void subscription_tenDaysBeforeItsLastDay_saysTheDateAndDaysLeft_andWhatHappensAfter() {
        LicenseNotice notice = noticeOn(subscription(), LAST_DAY.minusDays(10), 30).orElseThrow();

        assertAll(
                () -> assertEquals(Kind.USAGE, notice.kind()),
                () -> assertEquals("The subscription ends on Jun 30, 2027 (10 days left).", notice.headline()),
                () -> assertEquals("Renew it in time: after that day NetVizura keeps running for 14 days of grace, "
                        + "then stops.", notice.detail()),
                () -> assertEquals("14", notice.level()),
                () -> assertEquals(Optional.of("u-2027-06-30-14"), notice.dismissKey()));
    }

    @ParameterizedTest(name = "{0} days before the last day: colour {1}, threshold {2}")
    @CsvSource({"30, ahead, 30", "15, ahead, 30", "14, 14, 14", "8, 14, 14", "7, 7, 7", "2, 7, 7", "1, 1, 1",
            "0, 1, 1"})
    void colourRisesAt14_7_1_andEachThresholdIsANewDismissal(long daysLeft, String level, int threshold) {
        LicenseNotice notice = noticeOn(subscription(), LAST_DAY.minusDays(daysLeft), 30).orElseThrow();

        assertEquals(level, notice.level());
        assertEquals(Optional.of("u-2027-06-30-" + threshold), notice.dismissKey());
    }

    @Test
    void lastDay_saysLastDayToday() {
        assertEquals("The subscription ends on Jun 30, 2027 (last day today).",
                noticeOn(subscription(), LAST_DAY, 30).orElseThrow().headline());
    }

    @Test
    void ninetyDaysBefore_orOneDayMoreThanNoticeDays_saysNothing() {
        assertAll(
                () -> assertEquals(Optional.empty(), noticeOn(subscription(), LAST_DAY.minusDays(90), 30)),
                () -> assertEquals(Optional.empty(), noticeOn(subscription(), LAST_DAY.minusDays(31), 30)),
                () -> assertTrue(noticeOn(subscription(), LAST_DAY.minusDays(30), 30).isPresent()));
    }

    @Test
    void noticeDays_setsTheFirstDay_andZeroSwitchesItOff() {
        assertAll(
                () -> assertTrue(noticeOn(subscription(), LAST_DAY.minusDays(60), 60).isPresent()),
                () -> assertEquals(Optional.empty(), noticeOn(subscription(), LAST_DAY.minusDays(11), 10)),
                () -> assertEquals(Optional.of("u-2027-06-30-10"),
                        noticeOn(subscription(), LAST_DAY.minusDays(10), 10).orElseThrow().dismissKey()),
                () -> assertEquals(Optional.empty(), noticeOn(subscription(), LAST_DAY, 0)),
                () -> assertEquals(Optional.empty(), noticeOn(subscription(), LAST_DAY.plusDays(3), 0)));
    }

    @Test
    void perpetual_beforeMaintenanceEnds_saysItKeepsRunning_afterwardsNothing() {
        LicenseNotice notice = noticeOn(perpetual(), LAST_DAY.minusDays(5), 30).orElseThrow();

        assertAll(
                () -> assertEquals(Kind.MAINTENANCE, notice.kind()),
                () -> assertEquals("Maintenance and support end on Jun 30, 2027 (5 days left).", notice.headline()),
                () -> assertTrue(notice.detail().startsWith("NetVizura keeps running"), notice.detail()),
                () -> assertEquals("7", notice.level()),
                () -> assertEquals(Optional.empty(), noticeOn(perpetual(), LAST_DAY.plusDays(1), 30),
                        "maintenance ended: NetVizura keeps running, nothing more to say"));
    }

    @Test
    void grace_saysTheGraceDaysLeftAndWhatHappensAfter_dismissableUntilTheNextThreshold() {
        LicenseNotice first = noticeOn(subscription(), LAST_DAY.plusDays(1), 30).orElseThrow();
        LicenseNotice later = noticeOn(subscription(), LAST_DAY.plusDays(8), 30).orElseThrow();

        assertAll(
                () -> assertEquals(Kind.GRACE, first.kind()),
                () -> assertEquals("The subscription ended on Jun 30, 2027; its grace period ends on Jul 14, 2027 "
                        + "(13 days left).", first.headline()),
                () -> assertEquals("After that NetVizura stops until a new license key is applied: renew now.",
                        first.detail()),
                () -> assertEquals("grace", first.level()),
                () -> assertEquals(Optional.of("g-2027-07-14-14"), first.dismissKey()),
                () -> assertEquals(Optional.of("g-2027-07-14-7"), later.dismissKey()));
    }

    @Test
    void notUsable_saysWhatIsWrong_andCannotBeDismissed() {
        LicenseNotice expired = noticeOn(subscription(), LAST_DAY.plusDays(20), 30).orElseThrow();
        LicenseNotice none = noticeOn(Optional.empty(), LAST_DAY, 30, SAME).orElseThrow();
        LicenseNotice elsewhere = noticeOn(Optional.of(subscription()), LAST_DAY.minusDays(100), 30, OTHER)
                .orElseThrow();

        assertAll(
                () -> assertEquals(Kind.NOT_USABLE, expired.kind()),
                () -> assertEquals("License status: Expired.", expired.headline()),
                () -> assertTrue(expired.detail().contains("no longer runs"), expired.detail()),
                () -> assertFalse(expired.dismissable()),
                () -> assertEquals("stopped", expired.level()),
                () -> assertEquals("License status: No license.", none.headline()),
                () -> assertEquals("License status: Bound to another server.", elsewhere.headline()));
    }

    @Test
    void dismissKeys_carryNoCharacterACookieValueCannotHold() {
        String key = noticeOn(subscription(), LAST_DAY.minusDays(3), 30).orElseThrow().dismissKey().orElseThrow();

        assertTrue(key.matches("[a-z0-9-]+"), key);
        assertNotEquals(key, noticeOn(perpetual(), LAST_DAY.minusDays(3), 30).orElseThrow().dismissKey().orElseThrow());
    }
}

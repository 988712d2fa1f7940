package com.netvizura.license.web.page;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.policy.ThisMachine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LicenseTimelineTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 15);

    private static License license(LicenseType type, LocalDate maintenance, LocalDate usage) {
        return new License("NVZ-2026-000123", ISSUED.atStartOfDay(ZoneOffset.UTC).toInstant(), "ACME", null, type,
                maintenance, usage, "NVZ1-X", List.of(), Map.of(), null, Map.of());
    }

    /** The timeline as the License page makes it: from the real evaluator's verdict on {@code today}. */
    private static LicenseTimeline timeline(License l, LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        ThisMachine here = code -> new MachineMatch(true, Set.of(), Set.of(), "same");
        Verdict verdict = new LicenseEvaluator(here, clock, new BuildInfo("1.0.0", ISSUED)).evaluate(Optional.of(l));
        return LicenseTimeline.of(verdict, today, ZoneOffset.UTC, LicenseSummary.dateFormat(Locale.US), Locale.US)
                .orElseThrow();
    }

    @Test
    void noLicense_noTimeline() {
        ThisMachine here = code -> new MachineMatch(true, Set.of(), Set.of(), "same");
        Verdict none = new LicenseEvaluator(here, Clock.systemUTC(), new BuildInfo("1.0.0", ISSUED))
                .evaluate(Optional.empty());

        assertEquals(Optional.empty(), LicenseTimeline.of(none, ISSUED, ZoneOffset.UTC,
                LicenseSummary.dateFormat(Locale.US), Locale.US));
    }

    @Test
    void perpetual_maintenanceThenRunningOn_todayInBetween() {
        LicenseTimeline t = timeline(license(LicenseType.PERPETUAL, LocalDate.of(2027, 3, 14), null),
                LocalDate.of(2026, 9, 1));

        assertAll(
                () -> assertEquals(List.of("maintenance", "running"), t.bands().stream().map(b -> b.kind()).toList()),
                () -> assertEquals("0.00", t.bands().get(0).left()),
                () -> assertEquals(List.of("Issued", "Maintenance ends", "Today"),
                        t.marks().stream().map(m -> m.label()).toList()),
                () -> assertEquals("Mar 14, 2027", t.marks().get(1).date()),
                () -> assertTrue(pos(t.marks().get(2)) > pos(t.marks().get(0))
                        && pos(t.marks().get(2)) < pos(t.marks().get(1)), "today between issue and maintenance end"));
    }

    @Test
    void subscription_sameDayEndsShareOneMark_graceAndExpiredFollow() {
        LocalDate end = LocalDate.of(2027, 3, 14);
        LicenseTimeline t = timeline(license(LicenseType.SUBSCRIPTION, end, end), LocalDate.of(2027, 3, 20));

        assertAll(
                () -> assertEquals(List.of("maintenance", "grace", "expired"),
                        t.bands().stream().map(b -> b.kind()).toList()),
                () -> assertEquals(List.of("Issued", "Maintenance ends / Usage ends", "Grace ends", "Today"),
                        t.marks().stream().map(m -> m.label()).toList()),
                () -> assertEquals("Mar 28, 2027", t.marks().get(2).date(), "14 days of grace"),
                () -> assertTrue(pos(t.marks().get(3)) > pos(t.marks().get(1))
                        && pos(t.marks().get(3)) < pos(t.marks().get(2)), "today lies in the grace period"));
    }

    @Test
    void everyPositionIsWithinTheLine_evenWhenTodayIsLongAfter() {
        LicenseTimeline t = timeline(license(LicenseType.TRIAL, LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 13)),
                LocalDate.of(2030, 1, 1));

        t.marks().forEach(m -> assertTrue(pos(m) >= 0 && pos(m) <= 100, m.toString()));
        t.bands().forEach(b -> assertTrue(Double.parseDouble(b.left()) + Double.parseDouble(b.width()) <= 100.001,
                b.toString()));
    }

    private static double pos(LicenseTimeline.Mark m) {
        return Double.parseDouble(m.left());
    }
}

package com.netvizura.license.web.page;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.HardwareComponent;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.policy.ThisMachine;
import org.junit.jupiter.api.Test;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The license notice in hardware grace: shown at once, with the last day, and never dismissable. */
class HardwareGraceNoticeTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2027-02-01");
    private static final ThisMachine MOVED = code -> new MachineMatch(false, Set.of(),
            EnumSet.of(HardwareComponent.PROCESSOR_ID), "other");

    private static Optional<LicenseNotice> noticeOn(LocalDate day) {
        License license = new License("NVZ-2026-000123", Instant.parse("2026-07-01T10:00:00Z"), "Acme Networks", null,
                LicenseType.PERPETUAL, LocalDate.parse("2028-06-30"), null, "NVZ1-AAAAA", List.of(), Map.of(), null,
                Map.of(), 14);
        Clock clock = Clock.fixed(day.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        return LicenseNotice.of(new LicenseEvaluator(MOVED, clock, new BuildInfo("1.0.0", LocalDate.parse("2026-11-20")))
                .evaluateActive(Optional.of(license), Optional.of(FIRST_DAY)), day, 30, Locale.ENGLISH);
    }

    @Test
    void inHardwareGrace_theNoticeSaysTheLastDay_andCannotBeDismissed() {
        LicenseNotice notice = noticeOn(FIRST_DAY.plusDays(4)).orElseThrow();

        assertEquals(LicenseNotice.Kind.HARDWARE_GRACE, notice.kind());
        assertTrue(notice.headline().contains("hardware grace until"), notice.headline());
        assertTrue(notice.headline().contains("10 days left"), notice.headline());
        assertTrue(notice.detail().contains("send the License Details"), notice.detail());
        assertFalse(notice.dismissable());
    }

    @Test
    void afterTheHardwareGrace_theNoticeSaysNetVizuraStopped() {
        LicenseNotice notice = noticeOn(FIRST_DAY.plusDays(15)).orElseThrow();

        assertEquals(LicenseNotice.Kind.NOT_USABLE, notice.kind());
        assertFalse(notice.dismissable());
    }
}

package com.netvizura.license.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.mail.ReminderMessage;
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

/** Reminder mail in hardware grace: one on its first day, one when 3 days are left (DESIGN.md section 13). */
class HardwareGraceReminderTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    private static LicenseStatusReport inHardwareGrace(long daysLeft) {
        License license = new License("NVZ-1", Instant.parse("2026-01-01T00:00:00Z"), "ACME", null,
                LicenseType.PERPETUAL, TODAY.plusDays(300), null, "NVZ1-X", List.of(), Map.of(), null, Map.of(), 14);
        Verdict verdict = new Verdict(LicenseStatus.HARDWARE_GRACE, Severity.WARNING, "moved", Optional.of(license),
                OptionalLong.of(300), OptionalLong.empty(), Optional.empty(),
                Optional.of(new MachineMatch(false, Set.of(), Set.of(), "rule")), List.of(),
                Optional.of(TODAY.plusDays(daysLeft)));
        return new LicenseStatusReport(verdict, "NVZ1-Y", 1, TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), 0,
                ZoneOffset.UTC);
    }

    @Test
    void firstDay_crossesTheStartOnly() {
        assertEquals(EnumSet.of(ReminderThreshold.HARDWARE_GRACE_STARTED),
                ReminderThreshold.crossed(inHardwareGrace(14)));
    }

    @Test
    void fourDaysLeft_nothingNewCrossed_threeDaysLeft_theSecondMailIsTheMostUrgent() {
        assertEquals(EnumSet.of(ReminderThreshold.HARDWARE_GRACE_STARTED),
                ReminderThreshold.crossed(inHardwareGrace(4)));
        Set<ReminderThreshold> crossed = ReminderThreshold.crossed(inHardwareGrace(3));
        assertEquals(ReminderThreshold.HARDWARE_GRACE_3, crossed.iterator().next());
    }

    @Test
    void mail_saysTheServerNoLongerMatchesAndWhenTheGraceEnds() {
        LicenseDetails details = new LicenseDetails(Map.of(LicenseDetails.Field.INSTALLATION_CODE,
                new InstallationCode("NVZ1-Y").value()));

        ReminderMessage mail = ReminderMail.compose(ReminderThreshold.HARDWARE_GRACE_3, inHardwareGrace(3), details,
                List.of("admin@example.com"), "sales@example.com");

        assertEquals("NetVizura license NVZ-1: the server no longer matches its key, the hardware grace ends "
                + "in 3 days (2026-12-04)", mail.subject());
        assertTrue(mail.body().contains("Hardware grace: last day 2026-12-04"), mail.body());
    }
}

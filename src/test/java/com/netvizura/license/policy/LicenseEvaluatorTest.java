package com.netvizura.license.policy;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.HardwareComponent;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

class LicenseEvaluatorTest {

    private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");
    private static final String CODE = "NVZ1-AAAAA-BBBBB-CCCCC";
    private static final LocalDate MAINTENANCE_UNTIL = LocalDate.parse("2027-11-27");
    private static final LocalDate USAGE_UNTIL = LocalDate.parse("2027-06-30");
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-20"));
    private static final Set<HardwareComponent> THREE = EnumSet.of(PROCESSOR_ID, OS_INSTALLATION_ID, NETWORK_CARDS);

    private static final ThisMachine SAME_MACHINE = code -> new MachineMatch(true, THREE, Set.of(), "same");

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Clock at(String localDateTime) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).atZone(BELGRADE).toInstant(), BELGRADE);
    }

    private static Clock onDay(LocalDate day) {
        return at(day + "T12:00");
    }

    private static License license(LicenseType type, LocalDate maintenanceUntil, LocalDate usageUntil, Instant iat) {
        return new License("NVZ-2026-000123", iat, "Acme Networks", "it@acme.example", type,
                maintenanceUntil, usageUntil, CODE, List.of("netflow"), Map.of("devices", 100L), null, Map.of());
    }

    private static License perpetual() {
        return license(LicenseType.PERPETUAL, MAINTENANCE_UNTIL, null, Instant.parse("2026-11-27T10:00:00Z"));
    }

    private static License subscription() {
        return license(LicenseType.SUBSCRIPTION, USAGE_UNTIL, USAGE_UNTIL, Instant.parse("2026-07-01T10:00:00Z"));
    }

    private static License trial() {
        return license(LicenseType.TRIAL, USAGE_UNTIL, USAGE_UNTIL, Instant.parse("2027-06-01T10:00:00Z"));
    }

    private static Verdict evaluate(License license, Clock clock) {
        return new LicenseEvaluator(SAME_MACHINE, clock, BUILD).evaluate(Optional.of(license));
    }

    private static Verdict evaluate(License license, Clock clock, BuildInfo build) {
        return new LicenseEvaluator(SAME_MACHINE, clock, build).evaluate(Optional.of(license));
    }

    private static BuildInfo releasedOn(LocalDate day) {
        return new BuildInfo("1.2.0", day);
    }

    // ---- statuses -----------------------------------------------------------------------------------------------

    @Nested
    class NoLicenseAndInvalid {

        @Test
        void evaluate_noLicense_isNotOperationalAndTellsHowToGetOne() {
            Verdict v = new LicenseEvaluator(SAME_MACHINE, at("2027-01-10T09:00"), BUILD).evaluate(Optional.empty());

            assertEquals(LicenseStatus.NO_LICENSE, v.status());
            assertEquals(Severity.ERROR, v.severity());
            assertFalse(v.operational());
            assertEquals("NetVizura needs a license key to run. Send the License Details of this server to "
                    + "sales@netvizura.com with Send, then Upload the license key you receive.", v.explanation());
            assertTrue(v.license().isEmpty());
            assertTrue(v.daysUntilMaintenanceEnds().isEmpty());
            assertTrue(v.graceUntil().isEmpty());
            assertTrue(v.machineMatch().isEmpty());
        }

        @Test
        void invalid_keyNoLongerVerifies_isErrorWithTheReason() {
            Verdict v = new LicenseEvaluator(SAME_MACHINE, at("2027-01-10T09:00"), BUILD)
                    .invalid("Its signature does not match its content.");

            assertEquals(LicenseStatus.INVALID, v.status());
            assertEquals(Severity.ERROR, v.severity());
            assertFalse(v.operational());
            assertEquals("The installed license key is no longer valid: Its signature does not match its content. "
                    + "Upload a valid license key; contact sales@netvizura.com if you need it sent again.", v.explanation());
            assertTrue(v.license().isEmpty());
        }

        @Test
        void vendorEmail_givenToEvaluator_isTheAddressSentencesName() {
            Verdict v = new LicenseEvaluator(SAME_MACHINE, at("2027-01-10T09:00"), BUILD, "licensing@reseller.example")
                    .evaluate(Optional.empty());

            assertTrue(v.explanation().contains("licensing@reseller.example"), v.explanation());
            assertFalse(v.explanation().contains("sales@netvizura.com"), v.explanation());
        }
    }

    @Nested
    class Perpetual {

        @Test
        void wellWithinMaintenance_isValidOkWithDaysLeftAndNoUsageEnd() {
            Verdict v = evaluate(perpetual(), at("2027-01-10T09:00"));

            assertEquals(LicenseStatus.VALID, v.status());
            assertEquals(Severity.OK, v.severity());
            assertTrue(v.operational());
            assertEquals(321, v.daysUntilMaintenanceEnds().getAsLong());
            assertTrue(v.daysUntilUsageEnds().isEmpty());
            assertTrue(v.graceUntil().isEmpty(), "a perpetual license has no grace");
            assertEquals(List.of(), v.notes());
            assertEquals("NetVizura is licensed to Acme Networks under perpetual license NVZ-2026-000123, "
                    + "with maintenance and support until 2027-11-27.", v.explanation());
            assertEquals(Optional.of(perpetual()), v.license());
        }

        @Test
        void lastDayOfMaintenance_isStillValidWithWarningThatItEndsToday() {
            Verdict v = evaluate(perpetual(), at("2027-11-27T23:59"));

            assertEquals(LicenseStatus.VALID, v.status());
            assertEquals(Severity.WARNING, v.severity());
            assertEquals(0, v.daysUntilMaintenanceEnds().getAsLong());
            assertEquals(List.of("Maintenance and support end today, on 2027-11-27. "
                    + "Contact sales@netvizura.com to renew in time."), v.notes());
        }

        @Test
        void firstDayAfterMaintenance_keepsRunningWithMaintenanceEnded() {
            Verdict v = evaluate(perpetual(), at("2027-11-28T00:00"));

            assertEquals(LicenseStatus.MAINTENANCE_ENDED, v.status());
            assertEquals(Severity.WARNING, v.severity());
            assertTrue(v.operational());
            assertEquals(-1, v.daysUntilMaintenanceEnds().getAsLong());
            assertEquals("Maintenance and support ended on 2027-11-27. NetVizura keeps running; versions released "
                    + "after that day need renewed maintenance. Contact sales@netvizura.com to renew.", v.explanation());
            assertEquals(List.of(), v.notes());
        }

        @Test
        void tenYearsLater_stillRunsBecausePerpetualUsageNeverEnds() {
            Verdict v = evaluate(perpetual(), onDay(LocalDate.parse("2037-11-27")));

            assertEquals(LicenseStatus.MAINTENANCE_ENDED, v.status());
            assertTrue(v.operational());
            assertTrue(v.daysUntilUsageEnds().isEmpty());
        }

        @Test
        void maintenanceEndsIn30Days_warnsWithNote() {
            Verdict v = evaluate(perpetual(), onDay(MAINTENANCE_UNTIL.minusDays(30)));

            assertEquals(LicenseStatus.VALID, v.status());
            assertEquals(Severity.WARNING, v.severity());
            assertEquals(List.of("Maintenance and support end in 30 days, on 2027-11-27. "
                    + "Contact sales@netvizura.com to renew in time."), v.notes());
        }

        @Test
        void maintenanceEndsIn31Days_isOkWithoutNote() {
            Verdict v = evaluate(perpetual(), onDay(MAINTENANCE_UNTIL.minusDays(31)));

            assertEquals(Severity.OK, v.severity());
            assertEquals(List.of(), v.notes());
        }

        @Test
        void maintenanceEndsTomorrow_saysTomorrow() {
            Verdict v = evaluate(perpetual(), onDay(MAINTENANCE_UNTIL.minusDays(1)));

            assertTrue(v.notes().get(0).startsWith("Maintenance and support end tomorrow, on 2027-11-27."), v.notes()::toString);
        }

        @Test
        void datesAreCalendarDaysInTheClocksZone() {
            // 23:30 UTC on the last day is already the first day after it in Belgrade.
            Instant instant = Instant.parse("2027-11-27T23:30:00Z");

            Verdict inBelgrade = evaluate(perpetual(), Clock.fixed(instant, BELGRADE));
            Verdict inUtc = evaluate(perpetual(), Clock.fixed(instant, ZoneOffset.UTC));

            assertEquals(LicenseStatus.MAINTENANCE_ENDED, inBelgrade.status());
            assertEquals(LicenseStatus.VALID, inUtc.status());
        }
    }

    @Nested
    class ReleaseDate {

        @Test
        void buildReleasedOnLastDayOfMaintenance_isCovered() {
            Verdict v = evaluate(perpetual(), onDay(LocalDate.parse("2028-03-01")), releasedOn(MAINTENANCE_UNTIL));

            assertEquals(LicenseStatus.MAINTENANCE_ENDED, v.status());
            assertTrue(v.operational());
        }

        @Test
        void buildReleasedTheDayAfterMaintenance_isNotCovered() {
            Verdict v = evaluate(perpetual(), onDay(LocalDate.parse("2028-03-01")),
                    releasedOn(MAINTENANCE_UNTIL.plusDays(1)));

            assertEquals(LicenseStatus.VERSION_NOT_COVERED, v.status());
            assertEquals(Severity.ERROR, v.severity());
            assertFalse(v.operational());
            assertEquals("License does not cover this version: renew maintenance. NetVizura 1.2.0 was released on "
                    + "2027-11-28, after maintenance and support ended on 2027-11-27; contact sales@netvizura.com "
                    + "to renew, or go back to a version released by 2027-11-27.", v.explanation());
        }

        @Test
        void buildFromTheFutureOnLastDayOfMaintenance_isNotCoveredEvenWhileMaintained() {
            // A build can carry a release date later than today (pinned at build time); coverage is about the build.
            Verdict v = evaluate(perpetual(), onDay(MAINTENANCE_UNTIL), releasedOn(MAINTENANCE_UNTIL.plusDays(1)));

            assertEquals(LicenseStatus.VERSION_NOT_COVERED, v.status());
        }
    }

    @Nested
    class Subscription {

        @Test
        void wellWithinUsage_isValidOkWithBothNumbers() {
            Verdict v = evaluate(subscription(), at("2027-01-10T09:00"));

            assertEquals(LicenseStatus.VALID, v.status());
            assertEquals(Severity.OK, v.severity());
            assertEquals(171, v.daysUntilUsageEnds().getAsLong());
            assertEquals(171, v.daysUntilMaintenanceEnds().getAsLong());
            assertEquals("NetVizura is licensed to Acme Networks under subscription NVZ-2026-000123 until 2027-06-30, "
                    + "with maintenance and support until 2027-06-30.", v.explanation());
        }

        @Test
        void usageAndMaintenanceEndTheSameDaySoon_giveOneNoteOnly() {
            Verdict v = evaluate(subscription(), onDay(USAGE_UNTIL.minusDays(12)));

            assertEquals(LicenseStatus.VALID, v.status());
            assertEquals(Severity.WARNING, v.severity());
            assertEquals(List.of("The subscription ends in 12 days, on 2027-06-30. "
                    + "Contact sales@netvizura.com to renew in time."), v.notes());
        }

        @Test
        void usageEndsIn31Days_isOk() {
            Verdict v = evaluate(subscription(), onDay(USAGE_UNTIL.minusDays(31)));

            assertEquals(Severity.OK, v.severity());
            assertEquals(List.of(), v.notes());
        }

        @Test
        void lastDayOfUsage_isStillValid() {
            Verdict v = evaluate(subscription(), at("2027-06-30T23:59"));

            assertEquals(LicenseStatus.VALID, v.status());
            assertEquals(0, v.daysUntilUsageEnds().getAsLong());
            assertTrue(v.notes().get(0).startsWith("The subscription ends today"), v.notes()::toString);
        }

        @Test
        void firstDayAfterUsage_isGraceWithTheLastDayOfGrace() {
            Verdict v = evaluate(subscription(), at("2027-07-01T00:00"));

            assertEquals(LicenseStatus.GRACE, v.status());
            assertEquals(Severity.WARNING, v.severity());
            assertTrue(v.operational());
            assertEquals(-1, v.daysUntilUsageEnds().getAsLong());
            assertEquals(Optional.of(LocalDate.parse("2027-07-14")), v.graceUntil());
            assertEquals("The subscription ended on 2027-06-30; NetVizura keeps running in a grace period until "
                    + "2027-07-14. Contact sales@netvizura.com to renew before then.", v.explanation());
        }

        @Test
        void lastDayOfGrace_isStillGrace() {
            Verdict v = evaluate(subscription(), at("2027-07-14T23:59"));

            assertEquals(LicenseStatus.GRACE, v.status());
            assertTrue(v.operational());
        }

        @Test
        void firstDayAfterGrace_isExpired() {
            Verdict v = evaluate(subscription(), at("2027-07-15T00:00"));

            assertEquals(LicenseStatus.EXPIRED, v.status());
            assertEquals(Severity.ERROR, v.severity());
            assertFalse(v.operational());
            assertEquals(-15, v.daysUntilUsageEnds().getAsLong());
            assertEquals(Optional.of(LocalDate.parse("2027-07-14")), v.graceUntil(), "the day that has passed");
            assertEquals("The subscription ended on 2027-06-30 and its grace period on 2027-07-14, so NetVizura no "
                    + "longer runs. Contact sales@netvizura.com to renew, then Upload the new license key.", v.explanation());
        }

        @Test
        void maintenanceEndedBeforeUsage_keepsRunningAndWarnsAboutUsageEnd() {
            License l = license(LicenseType.SUBSCRIPTION, LocalDate.parse("2027-05-31"), USAGE_UNTIL,
                    Instant.parse("2026-07-01T10:00:00Z"));

            Verdict v = evaluate(l, onDay(LocalDate.parse("2027-06-20")));

            assertEquals(LicenseStatus.MAINTENANCE_ENDED, v.status());
            assertEquals(Severity.WARNING, v.severity());
            assertEquals(List.of("The subscription ends in 10 days, on 2027-06-30. "
                    + "Contact sales@netvizura.com to renew in time."), v.notes());
        }
    }

    @Nested
    class Trial {

        @Test
        void duringTrial_isValidAndPointsToTheVendor() {
            Verdict v = evaluate(trial(), onDay(LocalDate.parse("2027-06-05")));

            assertEquals(LicenseStatus.VALID, v.status());
            assertEquals("NetVizura runs on trial license NVZ-2026-000123 for Acme Networks until 2027-06-30. "
                    + "Contact sales@netvizura.com for a license to keep it running afterwards.", v.explanation());
            assertEquals(Severity.WARNING, v.severity(), "a month-long trial ends within 30 days");
        }

        @Test
        void afterTrial_hasTheSameGraceAsSubscriptions() {
            assertEquals(LicenseStatus.GRACE, evaluate(trial(), onDay(LocalDate.parse("2027-07-14"))).status());
            Verdict expired = evaluate(trial(), onDay(LocalDate.parse("2027-07-15")));
            assertEquals(LicenseStatus.EXPIRED, expired.status());
            assertTrue(expired.explanation().startsWith("The trial ended on 2027-06-30"), expired.explanation());
        }
    }

    @Nested
    class IssuedAt {

        private final Clock clock = Clock.fixed(Instant.parse("2027-01-10T08:00:00Z"), BELGRADE);

        private License issuedAt(Instant iat) {
            return license(LicenseType.PERPETUAL, MAINTENANCE_UNTIL, null, iat);
        }

        @Test
        void exactly24HoursAhead_isAccepted() {
            Verdict v = evaluate(issuedAt(clock.instant().plus(Duration.ofHours(24))), clock);

            assertEquals(LicenseStatus.VALID, v.status());
        }

        @Test
        void moreThan24HoursAhead_isNotYetValid() {
            Verdict v = evaluate(issuedAt(clock.instant().plus(Duration.ofHours(24)).plusSeconds(1)), clock);

            assertEquals(LicenseStatus.NOT_YET_VALID, v.status());
            assertEquals(Severity.ERROR, v.severity());
            assertFalse(v.operational());
            assertEquals("This license key was issued at 2027-01-11 09:00, later than this server's clock "
                    + "(2027-01-10 09:00). Correct the server's date and time, or ask sales@netvizura.com for a new key.",
                    v.explanation());
        }
    }

    @Nested
    class OtherMachine {

        @Test
        void mismatch_namesTheChangedComponents() {
            ThisMachine moved = code -> new MachineMatch(false, THREE, EnumSet.of(PROCESSOR_ID, NETWORK_CARDS), "rule");

            Verdict v = new LicenseEvaluator(moved, at("2027-01-10T09:00"), BUILD).evaluate(Optional.of(perpetual()));

            assertEquals(LicenseStatus.OTHER_MACHINE, v.status());
            assertEquals(Severity.ERROR, v.severity());
            assertFalse(v.operational());
            assertEquals("This license key belongs to another server: processor and network card changed since the "
                    + "key was issued. Send the License Details of this server to sales@netvizura.com for a new key.",
                    v.explanation());
            assertEquals(List.of(), v.notes(), "the explanation already names the changes");
            assertFalse(v.machineMatch().orElseThrow().matches());
        }

        @Test
        void mismatchWithNothingToCompare_explainsTheRule() {
            ThisMachine foreign = code -> new MachineMatch(false, Set.of(), Set.of(),
                    "at least 2 present components and more than half of them match");

            Verdict v = new LicenseEvaluator(foreign, at("2027-01-10T09:00"), BUILD).evaluate(Optional.of(perpetual()));

            assertEquals(LicenseStatus.OTHER_MACHINE, v.status());
            assertTrue(v.explanation().contains("(at least 2 present components and more than half of them match)"),
                    v.explanation());
        }

        @Test
        void matchWithSomeComponentsChanged_runsWithInfoNote() {
            ThisMachine upgraded = code -> new MachineMatch(true, THREE, EnumSet.of(NETWORK_CARDS), "rule");

            Verdict v = new LicenseEvaluator(upgraded, at("2027-01-10T09:00"), BUILD).evaluate(Optional.of(perpetual()));

            assertEquals(LicenseStatus.VALID, v.status());
            assertEquals(Severity.INFO, v.severity());
            assertEquals(List.of("This server still matches the license key, although network card changed since "
                    + "the key was issued. If more parts change it will stop matching: after hardware changes, send "
                    + "the License Details to sales@netvizura.com for a new key."), v.notes());
        }

        @Test
        void machineIsAskedAboutTheKeysInstallationCode() {
            List<String> asked = new ArrayList<>();
            ThisMachine recording = code -> {
                asked.add(code);
                return new MachineMatch(true, THREE, Set.of(), "rule");
            };

            new LicenseEvaluator(recording, at("2027-01-10T09:00"), BUILD).evaluate(Optional.of(perpetual()));

            assertEquals(List.of(CODE), asked);
        }
    }

    @Nested
    class Precedence {

        private final ThisMachine otherMachine = code -> new MachineMatch(false, THREE, EnumSet.of(PROCESSOR_ID), "rule");

        @Test
        void notYetValid_beatsOtherMachine() {
            Clock clock = at("2026-01-01T00:00");
            Verdict v = new LicenseEvaluator(otherMachine, clock, BUILD).evaluate(Optional.of(perpetual()));

            assertEquals(LicenseStatus.NOT_YET_VALID, v.status());
        }

        @Test
        void otherMachine_beatsExpired() {
            Verdict v = new LicenseEvaluator(otherMachine, onDay(LocalDate.parse("2028-01-01")), BUILD)
                    .evaluate(Optional.of(subscription()));

            assertEquals(LicenseStatus.OTHER_MACHINE, v.status());
        }

        @Test
        void expired_beatsVersionNotCovered() {
            Verdict v = evaluate(subscription(), onDay(LocalDate.parse("2028-01-01")), releasedOn(USAGE_UNTIL.plusDays(1)));

            assertEquals(LicenseStatus.EXPIRED, v.status());
        }

        @Test
        void versionNotCovered_beatsGrace() {
            // Upgrading during the grace days to a version released after maintenance ended must not run it.
            Verdict v = evaluate(subscription(), onDay(USAGE_UNTIL.plusDays(3)), releasedOn(USAGE_UNTIL.plusDays(2)));

            assertEquals(LicenseStatus.VERSION_NOT_COVERED, v.status());
        }

        @Test
        void grace_beatsMaintenanceEnded() {
            Verdict v = evaluate(subscription(), onDay(USAGE_UNTIL.plusDays(3)));

            assertEquals(LicenseStatus.GRACE, v.status());
        }
    }
}

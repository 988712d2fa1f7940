package com.netvizura.license.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseChange;
import com.netvizura.license.model.LicenseChange.Loss;
import com.netvizura.license.model.LicenseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The comparison of a new key with the active license, item by item. Every key carries fixed dates (the comparison
 * reads no clock: it compares the two keys' own claims, so it comes out the same on any day).
 */
class LicenseComparisonTest {

    private static final Instant ISSUED = Instant.parse("2026-11-28T10:00:00Z");
    private static final String CODE = "NVZ1-AAAAA-BBBBB-CCCCC";
    private static final LocalDate END_2026 = LocalDate.parse("2026-12-20");
    private static final LocalDate END_2027 = LocalDate.parse("2027-12-20");
    private static final LocalDate MID_2027 = LocalDate.parse("2027-06-01");

    /** A fluent copy of a license with one claim changed at a time. */
    private record Key(String id, String licensee, LicenseType type, LocalDate maintenance, LocalDate usage,
            List<String> modules, Map<String, Long> limits, String supersedes) {

        static Key perpetual(LocalDate maintenance) {
            return new Key("NVZ-2026-000001", "ACME Networks", LicenseType.PERPETUAL, maintenance, null,
                    List.of("netflow", "eventlog"), Map.of("devices", 100L), null);
        }

        static Key subscription(LocalDate until) {
            return new Key("NVZ-2026-000001", "ACME Networks", LicenseType.SUBSCRIPTION, until, until,
                    List.of("netflow", "eventlog"), Map.of("devices", 100L), null);
        }

        Key renewing(Key old) {
            return new Key("NVZ-2027-000002", licensee, type, maintenance, usage, modules, limits, old.id);
        }

        Key id(String newId) {
            return new Key(newId, licensee, type, maintenance, usage, modules, limits, supersedes);
        }

        Key licensee(String name) {
            return new Key(id, name, type, maintenance, usage, modules, limits, supersedes);
        }

        Key type(LicenseType t, LocalDate usageUntil) {
            return new Key(id, licensee, t, maintenance, usageUntil, modules, limits, supersedes);
        }

        Key maintenance(LocalDate day) {
            return new Key(id, licensee, type, day, usage, modules, limits, supersedes);
        }

        Key usage(LocalDate day) {
            return new Key(id, licensee, type, maintenance, day, modules, limits, supersedes);
        }

        Key modules(String... names) {
            return new Key(id, licensee, type, maintenance, usage, List.of(names), limits, supersedes);
        }

        Key limit(String name, Long value) {
            Map<String, Long> l = new LinkedHashMap<>(limits);
            if (value == null) {
                l.remove(name);
            } else {
                l.put(name, value);
            }
            return new Key(id, licensee, type, maintenance, usage, modules, l, supersedes);
        }

        License license() {
            return new License(id, ISSUED, licensee, null, type, maintenance, usage, CODE, modules, limits, supersedes,
                    Map.of());
        }
    }

    private static LicenseChange compare(Key active, Key candidate) {
        return LicenseComparison.between(active.license(), candidate.license());
    }

    private static List<Loss.Kind> kinds(LicenseChange change) {
        return change.losses().stream().map(Loss::kind).toList();
    }

    // ---- renewal: what it extends ---------------------------------------------------------------------------------

    @Test
    void renewal_perpetual_saysWhatItRenewsAndUntilWhenMaintenanceNowRuns() {
        Key old = Key.perpetual(END_2026);

        LicenseChange change = compare(old, Key.perpetual(END_2027).renewing(old));

        assertEquals(Optional.of("Renews NVZ-2026-000001: maintenance and support until 2027-12-20 (was 2026-12-20)."),
                change.renewal());
        assertFalse(change.givesLess());
    }

    @Test
    void renewal_subscriptionEndingWithItsMaintenance_namesUsageMaintenanceAndSupportOnce() {
        Key old = Key.subscription(END_2026);

        LicenseChange change = compare(old, Key.subscription(END_2027).renewing(old));

        assertEquals(Optional.of("Renews NVZ-2026-000001: usage, maintenance and support until 2027-12-20 "
                + "(was 2026-12-20)."), change.renewal());
    }

    @Test
    void renewal_subscriptionWithOwnMaintenanceDay_namesUsageAndMaintenanceApart() {
        Key old = Key.subscription(END_2026).maintenance(LocalDate.parse("2026-06-30"));

        LicenseChange change = compare(old, Key.subscription(END_2027).renewing(old));

        assertEquals(Optional.of("Renews NVZ-2026-000001: usage until 2027-12-20 (was 2026-12-20), maintenance and "
                + "support until 2027-12-20 (was 2026-06-30)."), change.renewal());
    }

    @Test
    void renewal_subscriptionBoughtAsPerpetual_saysUsageNeverEnds() {
        Key old = Key.subscription(END_2026);

        LicenseChange change = compare(old, Key.perpetual(END_2027).renewing(old));

        assertEquals(Optional.of("Renews NVZ-2026-000001: usage that never ends (was until 2026-12-20), maintenance "
                + "and support until 2027-12-20 (was 2026-12-20)."), change.renewal());
        assertFalse(change.givesLess(), "a perpetual license's usage never ends: not less");
    }

    @Test
    void renewal_withMoreModulesAndLimits_namesThem() {
        Key old = Key.perpetual(END_2026).limit("sensors", 5L);

        LicenseChange change = compare(old, Key.perpetual(END_2026).modules("netflow", "eventlog", "sflow")
                .limit("devices", 250L).limit("sensors", null).renewing(old));

        assertEquals(Optional.of("Renews NVZ-2026-000001: module sflow added, devices limit 250 (was 100), "
                + "no sensors limit (was 5)."), change.renewal());
        assertFalse(change.givesLess());
    }

    @Test
    void renewal_thatExtendsNothing_saysOnlyWhatItRenews() {
        Key old = Key.perpetual(END_2026);

        assertEquals(Optional.of("Renews NVZ-2026-000001."), compare(old, old.renewing(old)).renewal());
    }

    @Test
    void keyThatDoesNotSupersedeTheActiveOne_isNoRenewal() {
        Key old = Key.perpetual(END_2026);
        Key other = Key.perpetual(END_2026).id("NVZ-2026-000009");

        assertEquals(Optional.empty(), compare(old, Key.perpetual(END_2027).id("NVZ-2027-000003")).renewal());
        assertEquals(Optional.empty(), compare(old, Key.perpetual(END_2027).renewing(other)).renewal(),
                "supersedes names another license");
    }

    // ---- gives less: item by item ---------------------------------------------------------------------------------

    @Test
    void sameClaims_giveNothingLess() {
        Key active = Key.perpetual(END_2027);

        LicenseChange change = compare(active, active.id("NVZ-2026-000002"));

        assertFalse(change.givesLess());
        assertEquals(List.of(), change.losses());
        assertEquals("NVZ-2026-000001", change.activeId());
    }

    @Test
    void maintenanceEndingEarlier_isLessWithBothDaysAndTheDaysLost() {
        LicenseChange change = compare(Key.perpetual(END_2027), Key.perpetual(MID_2027));

        assertEquals(List.of(Loss.Kind.MAINTENANCE_ENDS_EARLIER), kinds(change));
        assertEquals("Maintenance and support would end on 2027-06-01 instead of 2027-12-20 (202 days earlier).",
                change.lossSentences().get(0));
    }

    @Test
    void maintenanceEndingOneDayEarlier_saysOneDay() {
        LicenseChange change = compare(Key.perpetual(END_2027), Key.perpetual(END_2027.minusDays(1)));

        assertTrue(change.lossSentences().get(0).endsWith("(1 day earlier)."), change.lossSentences().toString());
    }

    @Test
    void maintenanceThatEndedInThePast_endingEvenEarlier_isStillLess() {
        // Maintenance days decide which versions are covered, also days that are over.
        LicenseChange change = compare(Key.perpetual(LocalDate.parse("2025-03-01")),
                Key.perpetual(LocalDate.parse("2025-01-01")));

        assertEquals(List.of(Loss.Kind.MAINTENANCE_ENDS_EARLIER), kinds(change));
    }

    @Test
    void laterMaintenance_isNotLess() {
        assertFalse(compare(Key.perpetual(END_2026), Key.perpetual(END_2027)).givesLess());
    }

    @Test
    void subscriptionEndingEarlier_losesUsageAndMaintenance_eachNamed() {
        LicenseChange change = compare(Key.subscription(END_2027), Key.subscription(MID_2027));

        assertEquals(List.of(Loss.Kind.MAINTENANCE_ENDS_EARLIER, Loss.Kind.USAGE_ENDS_EARLIER), kinds(change));
        assertEquals("Usage would end on 2027-06-01 instead of 2027-12-20 (202 days earlier).",
                change.lossSentences().get(1));
    }

    @Test
    void subscriptionReplacingPerpetual_isLess_usageNowEnds() {
        LicenseChange change = compare(Key.perpetual(END_2027),
                Key.perpetual(END_2027).type(LicenseType.SUBSCRIPTION, END_2027));

        assertEquals(List.of(Loss.Kind.USAGE_ENDS_EARLIER), kinds(change));
        assertEquals("Usage would end on 2027-12-20; under the active perpetual license it never ends.",
                change.lossSentences().get(0));
    }

    @Test
    void perpetualReplacingSubscription_withSameMaintenance_isNotLess() {
        assertFalse(compare(Key.subscription(END_2027), Key.perpetual(END_2027)).givesLess());
    }

    @Test
    void trialReplacingPerpetual_isLess_alsoForTheUsageEnd() {
        LicenseChange change = compare(Key.perpetual(END_2027), Key.perpetual(END_2027).type(LicenseType.TRIAL,
                END_2027));

        assertEquals(List.of(Loss.Kind.USAGE_ENDS_EARLIER, Loss.Kind.TRIAL_REPLACES_PAID), kinds(change));
        assertEquals("A trial would replace the paid perpetual license NVZ-2026-000001.", change.lossSentences().get(1));
    }

    @Test
    void trialReplacingSubscription_isLessEvenWhenItRunsLonger() {
        LicenseChange change = compare(Key.subscription(END_2026),
                Key.subscription(END_2027).type(LicenseType.TRIAL, END_2027));

        assertEquals(List.of(Loss.Kind.TRIAL_REPLACES_PAID), kinds(change));
        assertEquals("A trial would replace the paid subscription NVZ-2026-000001.", change.lossSentences().get(0));
    }

    @Test
    void trialReplacingTrial_isNotLessOfItsType() {
        Key trial = Key.subscription(END_2026).type(LicenseType.TRIAL, END_2026);

        assertFalse(compare(trial, trial.maintenance(END_2027).usage(END_2027)).givesLess());
    }

    @Test
    void droppedModules_areEachALoss_inTheActiveLicensesOrder() {
        Key active = Key.perpetual(END_2027).modules("netflow", "eventlog", "sflow");

        LicenseChange change = compare(active, active.modules("eventlog"));

        assertEquals(List.of("Module netflow would no longer be licensed.", "Module sflow would no longer be licensed."),
                change.lossSentences());
        assertEquals(List.of(Loss.Kind.MODULE_DROPPED, Loss.Kind.MODULE_DROPPED), kinds(change));
    }

    @Test
    void addedModule_isNotLess() {
        Key active = Key.perpetual(END_2027);

        assertFalse(compare(active, active.modules("netflow", "eventlog", "sflow")).givesLess());
    }

    @Test
    void lowerLimit_isLess() {
        Key active = Key.perpetual(END_2027);

        LicenseChange change = compare(active, active.limit("devices", 50L));

        assertEquals(List.of("The devices limit would be 50 instead of 100."), change.lossSentences());
    }

    @Test
    void higherLimit_isNotLess() {
        Key active = Key.perpetual(END_2027);

        assertFalse(compare(active, active.limit("devices", 500L)).givesLess());
    }

    @Test
    void missingLimit_isUnlimited_soDroppingALimitIsNotLess() {
        Key active = Key.perpetual(END_2027);

        assertFalse(compare(active, active.limit("devices", null)).givesLess());
    }

    @Test
    void limitWhereTheActiveLicenseSetsNone_isLess() {
        Key active = Key.perpetual(END_2027).limit("devices", null);

        LicenseChange change = compare(active, active.limit("devices", 1000L));

        assertEquals(List.of(Loss.Kind.LIMIT_LOWER), kinds(change));
        assertEquals("The devices limit would be 1000; the active license sets no devices limit.",
                change.lossSentences().get(0));
    }

    @Test
    void anotherLicensee_isLess() {
        Key active = Key.perpetual(END_2027);

        LicenseChange change = compare(active, active.licensee("Other Corp"));

        assertEquals(List.of("The license would be for Other Corp instead of ACME Networks."), change.lossSentences());
    }

    @Test
    void renewalThatGivesLess_isBothARenewalAndLess() {
        Key old = Key.perpetual(END_2026);

        LicenseChange change = compare(old, Key.perpetual(END_2027).modules("netflow").renewing(old));

        assertTrue(change.renewal().isPresent());
        assertEquals(List.of(Loss.Kind.MODULE_DROPPED), kinds(change));
    }

    @Test
    void everyKindOfLoss_isListedInOneFixedOrder() {
        Key active = Key.perpetual(END_2027).limit("sensors", 10L);

        LicenseChange change = compare(active, active.licensee("Other Corp").limit("devices", 10L).modules("netflow")
                .type(LicenseType.TRIAL, MID_2027).maintenance(MID_2027));

        assertEquals(List.of(Loss.Kind.MAINTENANCE_ENDS_EARLIER, Loss.Kind.USAGE_ENDS_EARLIER,
                Loss.Kind.TRIAL_REPLACES_PAID, Loss.Kind.MODULE_DROPPED, Loss.Kind.LIMIT_LOWER,
                Loss.Kind.OTHER_LICENSEE), kinds(change));
    }
}

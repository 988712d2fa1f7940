package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code issue --renew OLD.key} and what {@code issue} and {@code inspect} say about renewals (issue 12, vendor side). */
class IssueRenewalTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");
    /** The day the renewals in these tests are issued. */
    private static final LocalDate TODAY = LocalDate.parse("2026-03-15");
    private static final String CODE = "NVZ1-6144B-SW0VD-QSNTF-3";
    /** The code of the customer's new server, after a hardware change. */
    private static final String NEW_CODE = InstallationCodes.of(new MachineFacts(null, null, "BFEBFBFF000A0671",
            "9f1b2c3d4e5f60718293a4b5c6d7e8f9", List.of("3c:ec:ef:12:34:56"), null, "nv2", "Linux")).value();

    @TempDir
    Path dir;

    private Path vendor;

    private static Clock on(String day) {
        return Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    }

    @BeforeEach
    void vendorKeys() {
        vendor = dir.resolve("vendor");
        assertEquals(0, IssuerRun.of(on("2025-01-01"), "keygen", "--out", vendor.toString()).exit());
    }

    /** Issues {@code file} on {@code day} for ACME with netflow and eventlog, 100 devices and 3 sites. */
    private License issueOld(String day, String file, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("issue", "--private-key", vendor.resolve("private.pem").toString(),
                "--installation-code", CODE, "--licensee", "ACME Networks", "--email", "it@acme.example",
                "--modules", "netflow,eventlog", "--limit", "devices=100", "--limit", "sites=3",
                "--out", dir.resolve(file).toString()));
        args.addAll(List.of(more));
        IssuerRun r = IssuerRun.of(on(day), args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return verified(file);
    }

    /** {@code issue --renew old.key ... --out new.key} today. */
    private IssuerRun renew(String... more) {
        List<String> args = new ArrayList<>(List.of("issue", "--private-key", vendor.resolve("private.pem").toString(),
                "--renew", dir.resolve("old.key").toString(), "--out", dir.resolve("new.key").toString()));
        args.addAll(List.of(more));
        return IssuerRun.of(on(TODAY.toString()), args.toArray(String[]::new));
    }

    private License verified(String file) throws Exception {
        return new LicenseKeyVerifier(TrustedKeys.of(PemKeys.readPublicKey(vendor.resolve("public.pem"))))
                .verify(Files.readAllBytes(dir.resolve(file)));
    }

    @Test
    void renew_perpetualBeforeMaintenanceEnds_nextYearStartsTheDayAfter_noDayLost() throws Exception {
        License old = issueOld("2025-06-01", "old.key", "--type", "perpetual");
        assertEquals(LocalDate.parse("2026-05-31"), old.maintenanceUntil());

        IssuerRun r = renew();

        assertEquals(0, r.exit(), r.err());
        License renewed = verified("new.key");
        assertEquals(LocalDate.parse("2027-05-31"), renewed.maintenanceUntil());
        assertNull(renewed.usageUntil());
        assertEquals(old.id(), renewed.supersedes());
        assertNotEquals(old.id(), renewed.id());
        assertEquals(on(TODAY.toString()).instant(), renewed.issuedAt());
        assertEquals(List.of(old.licensee(), old.email(), old.type(), old.modules(), old.limits(), old.installationCode()),
                List.of(renewed.licensee(), renewed.email(), renewed.type(), renewed.modules(), renewed.limits(),
                        renewed.installationCode()));
        assertEquals(Map.of("renewal", "{\"rule\":\"early\",\"previous_end\":\"2026-05-31\",\"start\":\"2026-06-01\"}"),
                renewed.otherClaims());
        assertTrue(r.out().contains("renews             " + old.id()), r.out());
        assertTrue(r.out().contains("starts 2026-06-01, the day after the old one ends (2026-05-31), so no day is lost"),
                r.out());
    }

    @Test
    void renew_subscriptionOnItsLastDay_usageAndMaintenanceFromTheDayAfter() throws Exception {
        License old = issueOld("2025-03-16", "old.key", "--type", "subscription");
        assertEquals(TODAY, old.usageUntil());

        assertEquals(0, renew().exit());

        License renewed = verified("new.key");
        assertEquals(LicenseType.SUBSCRIPTION, renewed.type());
        assertEquals(LocalDate.parse("2027-03-15"), renewed.usageUntil());
        assertEquals(LocalDate.parse("2027-03-15"), renewed.maintenanceUntil());
    }

    @Test
    void renew_afterTheOldPeriodEnded_startsToday() throws Exception {
        issueOld("2025-01-10", "old.key", "--type", "subscription");

        IssuerRun subscription = renew();

        assertEquals(0, subscription.exit(), subscription.err());
        assertEquals(LocalDate.parse("2027-03-14"), verified("new.key").usageUntil());
        assertTrue(subscription.out().contains("renewed late: the old period ended 2026-01-09, so the new one starts on"
                + " the issue day 2026-03-15"), subscription.out());

        Files.delete(dir.resolve("old.key"));
        Files.delete(dir.resolve("new.key"));
        issueOld("2025-03-14", "old.key", "--type", "perpetual");

        assertEquals(0, renew().exit());
        assertEquals(LocalDate.parse("2027-03-14"), verified("new.key").maintenanceUntil());
    }

    @Test
    void renew_explicitOptionsOverrideWhatIsCopied() throws Exception {
        issueOld("2025-06-01", "old.key", "--type", "perpetual");

        IssuerRun r = renew("--licensee", "ACME Networks d.o.o.", "--email", "licenses@acme.example",
                "--type", "subscription", "--usage-until", "2027-12-31", "--modules", "netflow,eventlog,ipfix",
                "--limit", "devices=250", "--id", "NVZ-2026-RENEW1", "--installation-code", NEW_CODE);

        assertEquals(0, r.exit(), r.err());
        License renewed = verified("new.key");
        assertEquals("ACME Networks d.o.o.", renewed.licensee());
        assertEquals("licenses@acme.example", renewed.email());
        assertEquals(LicenseType.SUBSCRIPTION, renewed.type());
        assertEquals(LocalDate.parse("2027-12-31"), renewed.usageUntil());
        assertEquals(LocalDate.parse("2027-12-31"), renewed.maintenanceUntil());
        assertEquals(List.of("netflow", "eventlog", "ipfix"), renewed.modules());
        assertEquals(Map.of("devices", 250L, "sites", 3L), renewed.limits(), "--limit replaces one limit by name");
        assertEquals("NVZ-2026-RENEW1", renewed.id());
        assertEquals(NEW_CODE, renewed.installationCode());
        assertEquals("{\"rule\":\"explicit\",\"previous_end\":\"2026-05-31\"}", renewed.otherClaims().get("renewal"));
    }

    @Test
    void renew_newLicenseDetails_takeTheInstallationCodeOfTheNewServer() throws Exception {
        License old = issueOld("2025-06-01", "old.key", "--type", "perpetual");
        Path details = dir.resolve("details.txt");
        Files.writeString(details, "NetVizura License Details\n=====\nInstallation Code: " + NEW_CODE + "\n"
                + "Current license: " + old.id() + "\nLicensed to: ACME Networks\n");

        IssuerRun r = renew("--details", details.toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals(NEW_CODE, verified("new.key").installationCode());
        assertEquals("", r.err(), "the details name the renewed license: nothing to point out");
    }

    @Test
    void renew_oldKeyThatDoesNotVerify_refusedWithTheReasonAndNothingWritten() throws Exception {
        assertEquals(0, IssuerRun.of(on("2025-01-01"), "keygen", "--out", dir.resolve("other").toString()).exit());
        IssuerRun foreign = IssuerRun.of(on("2025-06-01"), "issue", "--private-key", dir.resolve("other/private.pem").toString(),
                "--installation-code", CODE, "--licensee", "ACME", "--type", "perpetual", "--out", dir.resolve("old.key").toString());
        assertEquals(0, foreign.exit(), foreign.err());

        IssuerRun unknownSigner = renew();

        assertEquals(1, unknownSigner.exit());
        assertTrue(unknownSigner.err().startsWith("error: the key to renew [") && unknownSigner.err().contains("UNKNOWN_SIGNER"),
                unknownSigner.err());
        assertFalse(Files.exists(dir.resolve("new.key")));

        String text = Files.readString(dir.resolve("old.key"));
        int middle = text.indexOf('\n', 70) + 10;
        Files.writeString(dir.resolve("old.key"), text.substring(0, middle) + (text.charAt(middle) == 'A' ? 'B' : 'A')
                + text.substring(middle + 1));
        IssuerRun tampered = renew("--public-key", dir.resolve("other/public.pem").toString());

        assertEquals(1, tampered.exit());
        assertTrue(tampered.err().contains("REFUSED ("), tampered.err());
        assertFalse(Files.exists(dir.resolve("new.key")));

        Files.writeString(dir.resolve("old.key"), "Dear vendor, please renew.\n");
        assertEquals(1, renew().exit());
        assertFalse(Files.exists(dir.resolve("new.key")));
    }

    @Test
    void renew_withPublicKey_verifiesTheOldKeyWithIt_soKeysOfARetiredVendorKeyRenew() throws Exception {
        assertEquals(0, IssuerRun.of(on("2025-01-01"), "keygen", "--out", dir.resolve("retired").toString()).exit());
        assertEquals(0, IssuerRun.of(on("2025-06-01"), "issue", "--private-key", dir.resolve("retired/private.pem").toString(),
                "--installation-code", CODE, "--licensee", "ACME", "--type", "perpetual",
                "--out", dir.resolve("old.key").toString()).exit());

        IssuerRun r = renew("--public-key", dir.resolve("retired/public.pem").toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals(LocalDate.parse("2027-05-31"), verified("new.key").maintenanceUntil());
    }

    @Test
    void renew_trial_onlyWithAnExplicitType() throws Exception {
        License trial = issueOld("2026-03-01", "old.key", "--type", "trial");
        assertEquals(LocalDate.parse("2026-03-30"), trial.usageUntil());

        IssuerRun implicit = renew();

        assertEquals(2, implicit.exit());
        assertTrue(implicit.err().contains("is a trial: say what it becomes with --type"), implicit.err());
        assertFalse(Files.exists(dir.resolve("new.key")));
    }

    @Test
    void renew_trialBoughtAsSubscription_paidPeriodStartsToday() throws Exception {
        issueOld("2026-03-01", "old.key", "--type", "trial");

        IssuerRun r = renew("--type", "subscription");

        assertEquals(0, r.exit(), r.err());
        License bought = verified("new.key");
        assertEquals(LocalDate.parse("2027-03-14"), bought.usageUntil());
        assertEquals("{\"rule\":\"after-trial\",\"previous_end\":\"2026-03-30\",\"start\":\"2026-03-15\"}",
                bought.otherClaims().get("renewal"));
    }

    @Test
    void renew_trialExtendedAsTrial_thirtyDaysFromTheDayAfterItEnds() throws Exception {
        issueOld("2026-03-01", "old.key", "--type", "trial");

        assertEquals(0, renew("--type", "trial").exit());

        assertEquals(LocalDate.parse("2026-04-29"), verified("new.key").usageUntil());
    }

    @Test
    void renew_paidLicenseIntoATrial_usageError() throws Exception {
        issueOld("2025-06-01", "old.key", "--type", "subscription");

        IssuerRun r = renew("--type", "trial");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("a trial does not renew it"), r.err());
    }

    @Test
    void renew_maintenanceEndingOn28FebruaryOfALeapYear_nextYearStarts29February() throws Exception {
        issueOld(TODAY.toString(), "old.key", "--type", "perpetual", "--maintenance-until", "2028-02-28");

        assertEquals(0, renew().exit());

        // 2028-02-29 .. 2029-02-28 is a year of 365 days; renewing again starts on 1 March, so the chain never drifts.
        assertEquals(LocalDate.parse("2029-02-28"), verified("new.key").maintenanceUntil());
    }

    @Test
    void oneYearFrom_countsTheFirstDay_andAYearFrom29FebruaryEndsOn28February() {
        assertEquals(LocalDate.parse("2027-03-14"), IssuePeriod.oneYearFrom(LocalDate.parse("2026-03-15")));
        assertEquals(LocalDate.parse("2029-02-28"), IssuePeriod.oneYearFrom(LocalDate.parse("2028-02-29")));
        assertEquals(LocalDate.parse("2028-02-29"), IssuePeriod.oneYearFrom(LocalDate.parse("2027-03-01")));
        assertEquals(LocalDate.parse("2028-02-27"), IssuePeriod.oneYearFrom(LocalDate.parse("2027-02-28")));
    }

    @Test
    void renew_contradictoryOptions_refusedOrUsageError() throws Exception {
        License old = issueOld("2025-06-01", "old.key", "--type", "perpetual");

        assertEquals(1, renew("--id", old.id()).exit(), "a renewal needs an id of its own");
        assertEquals(2, renew("--supersedes", "NVZ-2025-OTHER1").exit(), "--renew sets supersedes");
        assertEquals(2, renew("--installation-code", CODE, "--details", "details.txt").exit());
        assertEquals(2, IssuerRun.of(on(TODAY.toString()), "issue", "--private-key", vendor.resolve("private.pem").toString(),
                "--public-key", vendor.resolve("public.pem").toString(), "--installation-code", CODE, "--licensee", "ACME",
                "--type", "perpetual", "--out", dir.resolve("new.key").toString()).exit(), "--public-key needs --renew");
        assertFalse(Files.exists(dir.resolve("new.key")));
    }

    @Test
    void issue_detailsNamingTheCurrentLicense_saysSoAndSuggestsRenew() throws Exception {
        Path details = dir.resolve("details.txt");
        Files.writeString(details, "Installation Code: " + CODE + "\nCurrent license: NVZ-2025-7K3QDM\n");

        IssuerRun r = IssuerRun.of(on(TODAY.toString()), "issue", "--private-key", vendor.resolve("private.pem").toString(),
                "--details", details.toString(), "--licensee", "ACME", "--type", "perpetual",
                "--out", dir.resolve("new.key").toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("note: the License Details name the current license NVZ-2025-7K3QDM"), r.err());
        assertTrue(r.err().contains("--renew NVZ-2025-7K3QDM.key"), r.err());

        Files.writeString(details, "Installation Code: " + CODE + "\nCurrent license: none\n");
        IssuerRun fresh = IssuerRun.of(on(TODAY.toString()), "issue", "--private-key", vendor.resolve("private.pem").toString(),
                "--details", details.toString(), "--licensee", "ACME", "--type", "perpetual",
                "--out", dir.resolve("fresh.key").toString());
        assertEquals(0, fresh.exit());
        assertEquals("", fresh.err(), "no current license: nothing to suggest");
    }

    @Test
    void inspect_renewedKey_showsSupersedesAndHowThePeriodWasChosen() throws Exception {
        License old = issueOld("2025-06-01", "old.key", "--type", "perpetual");
        assertEquals(0, renew().exit());

        IssuerRun r = IssuerRun.of(on(TODAY.toString()), "inspect", "--public-key", vendor.resolve("public.pem").toString(),
                dir.resolve("new.key").toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Supersedes:         " + old.id() + "\n"), r.out());
        assertTrue(r.out().contains("Renewal:            renewed early: the new period starts 2026-06-01, the day after"
                + " the old one ends (2026-05-31), so no day is lost\n"), r.out());
        assertFalse(r.out().contains("Other claim"), r.out());
    }

    @Test
    void inspect_renewalClaimItCannotRead_showsItAsAnotherClaim() throws Exception {
        License old = issueOld("2025-06-01", "old.key", "--type", "perpetual");
        License odd = new License("NVZ-2026-ODD001", old.issuedAt(), old.licensee(), null, old.type(),
                old.maintenanceUntil(), null, old.installationCode(), old.modules(), old.limits(), old.id(),
                Map.of("renewal", "\"by phone\""));
        Files.writeString(dir.resolve("odd.key"), LicenseKeySigner.sign(odd,
                PemKeys.readPrivateKey(vendor.resolve("private.pem"))));

        IssuerRun r = IssuerRun.of(on(TODAY.toString()), "inspect", "--public-key", vendor.resolve("public.pem").toString(),
                dir.resolve("odd.key").toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Other claim:        renewal = \"by phone\""), r.out());
        assertFalse(r.out().contains("Renewal:"), r.out());
    }
}

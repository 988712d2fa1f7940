package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keygen, issue and inspect through the real entry point, as the vendor runs them. */
class IssuerCliTest {

    /** 2026-03-15 00:30 in Belgrade is still 2026-03-14 in UTC: the issue day is the clock zone's. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T23:30:00Z"), ZoneId.of("Europe/Belgrade"));
    // A real code (processor, machine-id and one MAC), so that the checksum holds.
    private static final String CODE = "NVZ1-6144B-SW0VD-QSNTF-3";

    @TempDir
    Path dir;

    private static IssuerRun cli(String... args) {
        return IssuerRun.of(CLOCK, args);
    }

    private Path keys() {
        IssuerRun r = cli("keygen", "--out", dir.resolve("vendor").toString());
        assertEquals(0, r.exit(), r.err());
        return dir.resolve("vendor");
    }

    private IssuerRun issue(Path vendor, String... more) {
        List<String> args = new ArrayList<>(List.of("issue", "--private-key", vendor.resolve("private.pem").toString(),
                "--licensee", "ACME Networks", "--out", dir.resolve("acme.key").toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    private License verified(Path vendor) throws Exception {
        return new LicenseKeyVerifier(TrustedKeys.of(PemKeys.readPublicKey(vendor.resolve("public.pem"))))
                .verify(Files.readAllBytes(dir.resolve("acme.key")));
    }

    @Test
    void issue_licenseeThatChangesHowTextReads_refused() {
        Path vendor = keys();
        for (String name : List.of("ACME \u202Eskrowten", "ACME\u2066 Networks", "ACME\u2028Networks")) {
            IssuerRun r = cli("issue", "--private-key", vendor.resolve("private.pem").toString(), "--licensee", name,
                    "--installation-code", CODE, "--type", "perpetual", "--out", dir.resolve("acme.key").toString());

            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("one line of at most"), r.err());
            assertFalse(Files.exists(dir.resolve("acme.key")));
        }
    }

    @Test
    void keygen_writesOwnerOnlyPrivateKeyAndPublicKeyAndPrintsKid() throws Exception {
        IssuerRun r = cli("keygen", "--out", dir.resolve("vendor").toString());

        assertEquals(0, r.exit(), r.err());
        Path privateKey = dir.resolve("vendor/private.pem");
        String kid = PemKeys.readPublicKey(dir.resolve("vendor/public.pem")).kid();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        assertEquals(kid, PemKeys.readPrivateKey(privateKey).publicKey().kid());
        assertTrue(r.out().contains("Key id (kid): " + kid), r.out());
    }

    @Test
    void keygen_existingKeys_refusedAndKeptUnchanged() throws Exception {
        Path vendor = keys();
        String before = Files.readString(vendor.resolve("private.pem"));

        IssuerRun r = cli("keygen", "--out", vendor.toString());

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals(before, Files.readString(vendor.resolve("private.pem")));
    }

    @Test
    void issueThenInspect_perpetualWithDefaults_maintenanceForOneYearCountingTheIssueDay() throws Exception {
        Path vendor = keys();

        IssuerRun issued = issue(vendor, "--installation-code", CODE.toLowerCase(), "--type", "perpetual",
                "--modules", "netflow, eventlog", "--limit", "devices=100", "--limit", "sites=3", "--email", "it@acme.example");
        IssuerRun inspected = cli("inspect", "--public-key", vendor.resolve("public.pem").toString(), dir.resolve("acme.key").toString());

        assertEquals(0, issued.exit(), issued.err());
        License license = verified(vendor);
        assertEquals(LicenseType.PERPETUAL, license.type());
        assertEquals(LocalDate.parse("2027-03-14"), license.maintenanceUntil());
        assertEquals(CLOCK.instant(), license.issuedAt());
        assertEquals(CODE, license.installationCode());
        assertEquals(List.of("netflow", "eventlog"), license.modules());
        assertEquals(Map.of("devices", 100L, "sites", 3L), license.limits());
        assertTrue(license.id().matches("NVZ-2026-[0-9A-HJKMNP-TV-Z]{6}"), license.id());
        assertEquals(0, inspected.exit(), inspected.err());
        assertTrue(inspected.out().startsWith("Signature:          valid"), inspected.out());
        for (String shown : List.of(license.id(), "ACME Networks", "it@acme.example", "perpetual", "2027-03-14", CODE,
                "netflow, eventlog", "devices=100, sites=3")) {
            assertTrue(inspected.out().contains(shown), shown + " missing in\n" + inspected.out());
        }
    }

    @Test
    void issue_subscriptionDefaults_usageAndMaintenanceOneYear() throws Exception {
        Path vendor = keys();

        IssuerRun r = issue(vendor, "--installation-code", CODE, "--type", "subscription", "--id", "NVZ-2026-000777",
                "--supersedes", "NVZ-2025-000001");

        assertEquals(0, r.exit(), r.err());
        License license = verified(vendor);
        assertEquals(LocalDate.parse("2027-03-14"), license.usageUntil());
        assertEquals(LocalDate.parse("2027-03-14"), license.maintenanceUntil());
        assertEquals("NVZ-2026-000777", license.id());
        assertEquals("NVZ-2025-000001", license.supersedes());
    }

    @Test
    void issue_trialDefaults_thirtyDaysCountingTheIssueDay() throws Exception {
        Path vendor = keys();

        assertEquals(0, issue(vendor, "--installation-code", CODE, "--type", "trial").exit());

        assertEquals(LocalDate.parse("2026-04-13"), verified(vendor).usageUntil());
        assertEquals(LocalDate.parse("2026-04-13"), verified(vendor).maintenanceUntil());
    }

    @Test
    void issue_installationCodeFromQuotedLicenseDetailsMail() throws Exception {
        Path vendor = keys();
        Path details = dir.resolve("details.txt");
        Files.writeString(details, "On Mon, the admin wrote:\n> NetVizura License Details\n> =====\n> Product: NetVizura\n"
                + "> Installation Code: " + CODE + "\n> Hostname: nv1\n");

        IssuerRun r = issue(vendor, "--details", details.toString(), "--type", "perpetual", "--maintenance-until", "2028-12-31");

        assertEquals(0, r.exit(), r.err());
        assertEquals(CODE, verified(vendor).installationCode());
        assertEquals(LocalDate.parse("2028-12-31"), verified(vendor).maintenanceUntil());
    }

    @Test
    void issue_nonsense_refusedWithExit1AndNoKeyWritten() throws Exception {
        Path vendor = keys();
        Path details = dir.resolve("details.txt");
        Files.writeString(details, "Hello, please send a key.\n");
        String[][] refusals = {
            {"--installation-code", CODE, "--type", "perpetual", "--usage-until", "2030-01-01"},
            {"--installation-code", CODE, "--type", "perpetual", "--maintenance-until", "2026-03-14"},
            {"--installation-code", CODE, "--type", "subscription", "--usage-until", "2026-03-01"},
            {"--installation-code", CODE, "--type", "subscription", "--usage-until", "2026-12-31", "--maintenance-until", "2027-12-31"},
            {"--installation-code", "NVZ1-12345", "--type", "perpetual"},
            {"--installation-code", "NVZ1-6144B-SW0VD-QSNFT-3", "--type", "perpetual"},
            {"--installation-code", "ABCD-EFGH-IJKL", "--type", "perpetual"},
            {"--details", details.toString(), "--type", "perpetual"},
            {"--details", dir.resolve("missing.txt").toString(), "--type", "perpetual"},
        };
        for (String[] args : refusals) {
            IssuerRun r = issue(vendor, args);

            assertEquals(1, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().length() > 30, r.err());
            assertFalse(Files.exists(dir.resolve("acme.key")), String.join(" ", args));
        }
    }

    @Test
    void issue_maintenanceOnTheIssueDayInTheClockZone_accepted() throws Exception {
        assertEquals(0, issue(keys(), "--installation-code", CODE, "--type", "perpetual",
                "--maintenance-until", "2026-03-15").exit());
    }

    @Test
    void issue_existingOutputFile_refusedAndKept() throws Exception {
        Path vendor = keys();
        Files.writeString(dir.resolve("acme.key"), "previous key");

        IssuerRun r = issue(vendor, "--installation-code", CODE, "--type", "perpetual");

        assertEquals(1, r.exit());
        assertEquals("previous key", Files.readString(dir.resolve("acme.key")));
    }

    @Test
    void issue_badCommandLine_exit2WithHint() {
        Path vendor = keys();
        String[][] usageErrors = {
            {"--installation-code", CODE, "--type", "forever"},
            {"--installation-code", CODE},
            {"--type", "perpetual"},
            {"--installation-code", CODE, "--details", "x.txt", "--type", "perpetual"},
            {"--installation-code", CODE, "--type", "perpetual", "--maintenance-until", "2027-02-30"},
            {"--installation-code", CODE, "--type", "perpetual", "--maintenance-until", "14.03.2027"},
            {"--installation-code", CODE, "--type", "perpetual", "--limit", "devices=many"},
            {"--installation-code", CODE, "--type", "perpetual", "--id", "NVZ/2026"},
            {"--installation-code", CODE, "--type", "perpetual", "--colour", "blue"},
            {"--installation-code", CODE, "--type", "perpetual", "--type", "trial"},
            {"--installation-code", CODE, "--type", "perpetual", "--email", "nobody"},
        };
        for (String[] args : usageErrors) {
            IssuerRun r = issue(vendor, args);

            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("Try: issue --help"), r.err());
        }
    }

    @Test
    void inspect_keyFromAnotherVendor_exit1WithReason() throws Exception {
        Path vendor = keys();
        issue(vendor, "--installation-code", CODE, "--type", "perpetual");
        IssuerRun other = cli("keygen", "--out", dir.resolve("other").toString());
        assertEquals(0, other.exit());

        IssuerRun r = cli("inspect", "--public-key", dir.resolve("other/public.pem").toString(), dir.resolve("acme.key").toString());

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("UNKNOWN_SIGNER"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void inspect_tamperedKey_exit1WithBadSignature() throws Exception {
        Path vendor = keys();
        issue(vendor, "--installation-code", CODE, "--type", "perpetual");
        Path key = dir.resolve("acme.key");
        String text = Files.readString(key);
        int middle = text.indexOf('\n', 70) + 10;
        char c = text.charAt(middle);
        Files.writeString(key, text.substring(0, middle) + (c == 'A' ? 'B' : 'A') + text.substring(middle + 1));

        IssuerRun r = cli("inspect", "--public-key", vendor.resolve("public.pem").toString(), key.toString());

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("REFUSED ("), r.err());
    }

    @Test
    void inspect_badCommandLineOrFiles() {
        Path vendor = keys();

        assertEquals(2, cli("inspect", "--public-key", vendor.resolve("public.pem").toString()).exit());
        assertEquals(2, cli("inspect", dir.resolve("acme.key").toString()).exit());
        assertEquals(1, cli("inspect", "--public-key", vendor.resolve("public.pem").toString(),
                dir.resolve("missing.key").toString()).exit());
        assertEquals(1, cli("inspect", "--public-key", vendor.resolve("private.pem").toString(),
                dir.resolve("missing.key").toString()).exit());
    }

    @Test
    void help_topLevelAndPerCommand_picocliUsageExit0() {
        IssuerRun top = cli("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().startsWith("Usage: java -jar netvizura-license-issuer.jar [-hV] COMMAND"), top.out());
        for (String command : List.of("keygen", "issue", "inspect")) {
            assertTrue(top.out().contains("\n  " + command + " "), command + " missing in\n" + top.out());

            IssuerRun r = cli(command, "--help");

            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("Usage: java -jar netvizura-license-issuer.jar " + command + " [-hV]"), r.out());
            assertEquals(r.out(), cli("help", command).out(), "help COMMAND shows the same usage");
        }
        assertTrue(cli("issue", "--help").out().contains("--renew=OLD.key"));
    }

    @Test
    void version_printsTheProductVersion() {
        IssuerRun r = cli("--version");

        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("netvizura-license-issuer " + BuildInfo.current().version()),
                r.out());
    }

    @Test
    void optionWithoutValue_exit2NamingTheOption() {
        Path vendor = keys();

        IssuerRun keygen = cli("keygen", "--out");
        IssuerRun issue = issue(vendor, "--installation-code", CODE, "--type", "perpetual", "--modules");
        IssuerRun inspect = cli("inspect", "--public-key");

        for (IssuerRun r : List.of(keygen, issue, inspect)) {
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("error: Missing required parameter for option '--"), r.err());
            assertTrue(r.err().contains("Try: "), r.err());
        }
        assertTrue(issue.err().contains("'--modules'"), issue.err());
        assertFalse(Files.exists(dir.resolve("acme.key")));
    }

    @Test
    void noCommandOrUnknownCommand_exit2() {
        IssuerRun none = cli();
        IssuerRun unknown = cli("sign");

        assertEquals(2, none.exit());
        assertTrue(none.err().contains("Commands:"));
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown command [sign]") && unknown.err().contains("Try: --help"), unknown.err());
    }
}

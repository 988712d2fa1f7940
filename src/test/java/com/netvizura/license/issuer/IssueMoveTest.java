package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.License;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code issue --move OLD.key} and {@code --hardware-grace-days N} (issue 20, vendor side). */
class IssueMoveTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");
    private static final String OLD_CODE = "NVZ1-6144B-SW0VD-QSNTF-3";
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

    private IssuerRun issue(String day, String file, String... more) {
        List<String> args = new ArrayList<>(List.of("issue", "--private-key", vendor.resolve("private.pem").toString(),
                "--out", dir.resolve(file).toString()));
        args.addAll(List.of(more));
        return IssuerRun.of(on(day), args.toArray(String[]::new));
    }

    private License issueOld(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--installation-code", OLD_CODE, "--licensee", "ACME Networks",
                "--email", "it@acme.example", "--type", "subscription", "--modules", "netflow,eventlog",
                "--limit", "devices=100"));
        args.addAll(List.of(more));
        IssuerRun r = issue("2026-01-10", "old.key", args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return verified("old.key");
    }

    private IssuerRun move(String... more) throws Exception {
        Files.writeString(dir.resolve("new-details.txt"), "NetVizura License Details\nInstallation Code: " + NEW_CODE
                + "\nCurrent license: NVZ-2026-OLD001\nHardware changed since the key was issued: processor, disk\n");
        List<String> args = new ArrayList<>(List.of("--move", dir.resolve("old.key").toString(),
                "--details", dir.resolve("new-details.txt").toString()));
        args.addAll(List.of(more));
        return issue("2026-09-01", "new.key", args.toArray(String[]::new));
    }

    private License verified(String file) throws Exception {
        return new LicenseKeyVerifier(TrustedKeys.of(PemKeys.readPublicKey(vendor.resolve("public.pem"))))
                .verify(Files.readAllBytes(dir.resolve(file)));
    }

    @Test
    void move_keepsTermsAndDates_forTheNewCode_supersedingTheOldKey() throws Exception {
        License old = issueOld("--id", "NVZ-2026-OLD001", "--hardware-grace-days", "21");

        IssuerRun r = move();

        assertEquals(0, r.exit(), r.err());
        License moved = verified("new.key");
        assertEquals(NEW_CODE, moved.installationCode());
        assertEquals(old.id(), moved.supersedes());
        assertNotEquals(old.id(), moved.id());
        assertEquals(List.of(old.licensee(), old.email(), old.type(), old.maintenanceUntil(), old.usageUntil(),
                        old.modules(), old.limits(), 21),
                List.of(moved.licensee(), moved.email(), moved.type(), moved.maintenanceUntil(), moved.usageUntil(),
                        moved.modules(), moved.limits(), moved.hardwareGraceDays()));
        assertEquals(Map.of(), moved.otherClaims(), "a move is no renewal: no renewal note");
        assertTrue(r.out().contains("Moved subscription license NVZ-2026-OLD001 of [ACME Networks]"), r.out());
        assertTrue(r.out().contains("kept               licensee, e-mail, type, dates, modules, limits (no day added)"),
                r.out());
        assertTrue(r.out().contains("usage until        2027-01-09"), r.out());
        assertTrue(r.out().contains("installation code  " + NEW_CODE + " (was " + OLD_CODE + ")"), r.out());
    }

    @Test
    void move_optionThatChangesTerms_isAUsageError_andWritesNothing() throws Exception {
        issueOld();

        IssuerRun r = move("--maintenance-until", "2030-01-01");

        assertEquals(IssuerCli.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("--move keeps the old key's terms: drop --maintenance-until"), r.err());
        assertFalse(Files.exists(dir.resolve("new.key")));
    }

    @Test
    void move_toTheSameCode_isRefused() throws Exception {
        issueOld();

        IssuerRun r = issue("2026-09-01", "new.key", "--move", dir.resolve("old.key").toString(),
                "--installation-code", OLD_CODE);

        assertEquals(IssuerCli.EXIT_REFUSED, r.exit());
        assertTrue(r.err().contains("nothing moves"), r.err());
    }

    @Test
    void move_ofAKeyNotSignedByThisVendor_isRefused() throws Exception {
        issueOld();
        Path other = dir.resolve("other");
        assertEquals(0, IssuerRun.of(on("2025-01-01"), "keygen", "--out", other.toString()).exit());

        IssuerRun r = move("--public-key", other.resolve("public.pem").toString());

        assertEquals(IssuerCli.EXIT_REFUSED, r.exit());
        assertFalse(Files.exists(dir.resolve("new.key")));
    }

    @Test
    void hardwareGraceDays_defaultIs14_andInspectShowsIt() throws Exception {
        assertEquals(14, issueOld().hardwareGraceDays());

        IssuerRun inspect = IssuerRun.of(on("2026-01-10"), "inspect", "--public-key",
                vendor.resolve("public.pem").toString(), dir.resolve("old.key").toString());

        assertEquals(0, inspect.exit(), inspect.err());
        assertTrue(inspect.out().contains("Hardware grace:     14 days"), inspect.out());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 90})
    void hardwareGraceDays_withinBounds_isWritten(int days) throws Exception {
        assertEquals(days, issueOld("--hardware-grace-days", String.valueOf(days)).hardwareGraceDays());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "91", "x"})
    void hardwareGraceDays_outOfBounds_isAUsageError(String days) {
        IssuerRun r = issue("2026-01-10", "old.key", "--installation-code", OLD_CODE, "--licensee", "ACME",
                "--type", "perpetual", "--hardware-grace-days", days);

        assertEquals(IssuerCli.EXIT_USAGE, r.exit(), r.err());
        assertFalse(Files.exists(dir.resolve("old.key")));
    }
}

package com.netvizura.license.issuer;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.machine.HardwareProbe;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.Actor;
import com.netvizura.license.service.AppliedLicense;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendor renews with the issuer tool and the customer's server applies the renewal through the real
 * {@link LicenseService} on a real data directory; only the hardware probe and the clock are fakes.
 */
class RenewalRoundTripTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");
    private static final MachineFacts SERVER = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "nv1", "Debian GNU/Linux 12");
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-03-01"));
    private static final Actor ADMIN = new Actor("admin", "127.0.0.1");

    @TempDir
    Path dir;

    private LicenseService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop(); // its threads must not outlive the test's directory
        }
    }

    private static Clock on(String day) {
        return Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    }

    private LicenseService server(Clock clock) throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, dir.resolve("home").toString());
        HardwareProbe probe = () -> SERVER;
        return LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(), probe,
                TrustedKeys.of(PemKeys.readPublicKey(dir.resolve("vendor/public.pem"))), BUILD, clock, "Apache Tomcat/10.1.59");
    }

    @Test
    void renewedKey_appliesOnTheServerAndSupersedesTheOldOne() throws Exception {
        String privateKey = dir.resolve("vendor/private.pem").toString();
        assertEquals(0, IssuerRun.of(on("2025-06-01"), "keygen", "--out", dir.resolve("vendor").toString()).exit());
        IssuerRun first = IssuerRun.of(on("2025-06-01"), "issue", "--private-key", privateKey,
                "--installation-code", InstallationCodes.of(SERVER).value(), "--licensee", "ACME Networks",
                "--type", "perpetual", "--modules", "netflow,eventlog", "--limit", "devices=100",
                "--out", dir.resolve("old.key").toString());
        assertEquals(0, first.exit(), first.err());
        service = server(on("2026-03-15"));
        License old = service.apply(Files.readAllBytes(dir.resolve("old.key")), ADMIN).license();
        Path details = dir.resolve("details.txt");
        Files.writeString(details, service.details().toText());

        IssuerRun renewal = IssuerRun.of(on("2026-03-15"), "issue", "--private-key", privateKey,
                "--renew", dir.resolve("old.key").toString(), "--details", details.toString(),
                "--out", dir.resolve("new.key").toString());
        AppliedLicense applied = service.apply(Files.readAllBytes(dir.resolve("new.key")), ADMIN);

        assertEquals(0, renewal.exit(), renewal.err());
        assertEquals("", renewal.err(), "the server's details name the renewed license");
        assertTrue(applied.changed());
        assertEquals(LicenseStatus.VALID, applied.verdict().status());
        License active = service.verdict().license().orElseThrow();
        assertEquals(old.id(), active.supersedes());
        assertEquals(LocalDate.parse("2027-05-31"), active.maintenanceUntil(), "no day of the old year is lost");
        assertEquals(Optional.of("Renews " + old.id() + ": maintenance and support until 2027-05-31 "
                + "(was 2026-05-31)."), applied.renewal(), "what the pop-up after the upload says");
        assertEquals(List.of("netflow", "eventlog"), active.modules());
        assertEquals(100L, service.limit("devices").getAsLong());
        assertTrue(active.otherClaims().get(RenewalNote.CLAIM).contains("\"rule\":\"early\""), active.otherClaims().toString());
        assertEquals(List.of(old.id()), service.history().stream().map(h -> h.licenseId()).toList());
        try (var retired = Files.list(dir.resolve("home/license/history"))) {
            List<Path> files = retired.toList();
            assertEquals(1, files.size(), files.toString());
            assertArrayEquals(Files.readAllBytes(dir.resolve("old.key")), Files.readAllBytes(files.get(0)));
        }
    }
}

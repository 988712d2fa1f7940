package com.netvizura.license.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardware grace through the service: a real data directory and real keys, a server restarted on other hardware
 * (the probe and the clock are the fakes). The first day is recorded in {@code state.properties} and survives
 * restarts.
 */
class HardwareGraceServiceTest {

    private static final VendorKeyPair VENDOR = VendorKeyPair.generate();
    private static final Instant DAY_ONE = Instant.parse("2026-11-28T10:00:00Z");
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final MachineFacts OLD = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "nv1", "Debian GNU/Linux 12");
    private static final MachineFacts NEW = new MachineFacts(null, null, "BFEBFBFF000A0671",
            "9f1b2c3d4e5f60718293a4b5c6d7e8f9", List.of("3c:ec:ef:12:34:56"), null, "nv1", "Debian GNU/Linux 12");

    @TempDir
    Path home;

    private final List<LicenseService> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(LicenseService::stop);
    }

    private LicenseService startOn(MachineFacts machine, Instant now) throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        Settings settings = new SettingsReader(sys, Map.of(), name -> null).read();
        LicenseService service = LicenseService.start(settings, () -> machine, TrustedKeys.of(VENDOR.publicKey()),
                BUILD, Clock.fixed(now, ZoneOffset.UTC), "Apache Tomcat/10.1.59");
        started.add(service);
        return service;
    }

    private static byte[] key(String id, int hardwareGraceDays) {
        License license = new License(id, DAY_ONE.minusSeconds(3600), "ACME Networks", null, LicenseType.PERPETUAL,
                LocalDate.parse("2027-11-27"), null, InstallationCodes.of(OLD).value(), List.of("netflow"), Map.of(),
                null, Map.of(), hardwareGraceDays);
        return LicenseKeySigner.sign(license, VENDOR.privateKey()).getBytes(StandardCharsets.UTF_8);
    }

    private void appliedOnTheOldServer(byte[] key) throws Exception {
        startOn(OLD, DAY_ONE.minusSeconds(60)).apply(key, new Actor("admin", "127.0.0.1"));
    }

    private static Instant daysAfterDayOne(int days) {
        return DAY_ONE.plusSeconds(days * 86_400L);
    }

    @Test
    void movedServer_runsInHardwareGrace_andRecordsTheFirstDayInTheStateFile() throws Exception {
        appliedOnTheOldServer(key("NVZ-2026-000050", 14));

        Verdict v = startOn(NEW, DAY_ONE).verdict();

        assertEquals(LicenseStatus.HARDWARE_GRACE, v.status());
        assertEquals(Optional.of(LocalDate.parse("2026-12-12")), v.hardwareGraceUntil());
        String state = Files.readString(home.resolve("license/state.properties"));
        assertTrue(state.contains("hardwareGrace.NVZ-2026-000050.firstMismatch=2026-11-28"), state);
    }

    @Test
    void licenseDetails_nameTheActiveLicenseAndTheChangedHardware() throws Exception {
        appliedOnTheOldServer(key("NVZ-2026-000050", 14));

        String details = startOn(NEW, DAY_ONE).details().toText();

        assertTrue(details.contains("Current license: NVZ-2026-000050"), details);
        assertTrue(details.contains("Hardware changed since the key was issued: processor, "
                + "operating-system installation, network card"), details);
    }

    @Test
    void restart_doesNotMoveTheFirstDay_andTheDayAfterTheGraceIsOtherMachine() throws Exception {
        appliedOnTheOldServer(key("NVZ-2026-000050", 14));
        startOn(NEW, DAY_ONE).verdict(); // its first check (after the hardware probe, on its own thread) sees the move

        assertEquals(Optional.of(LocalDate.parse("2026-12-12")),
                startOn(NEW, daysAfterDayOne(5)).verdict().hardwareGraceUntil());
        assertEquals(LicenseStatus.HARDWARE_GRACE, startOn(NEW, daysAfterDayOne(14)).verdict().status());
        assertEquals(LicenseStatus.OTHER_MACHINE, startOn(NEW, daysAfterDayOne(15)).verdict().status());
    }

    @Test
    void backOnTheOldHardware_isValid_andAMoveLaterGetsNoSecondGrace() throws Exception {
        appliedOnTheOldServer(key("NVZ-2026-000050", 14));
        startOn(NEW, DAY_ONE).verdict(); // its first check (after the hardware probe, on its own thread) sees the move

        assertEquals(LicenseStatus.VALID, startOn(OLD, daysAfterDayOne(2)).verdict().status());
        assertEquals(LicenseStatus.OTHER_MACHINE, startOn(NEW, daysAfterDayOne(60)).verdict().status());
    }

    @Test
    void withoutTheClaim_aMovedServerIsOtherMachineAndNothingIsRecorded() throws Exception {
        appliedOnTheOldServer(key("NVZ-2026-000050", 0));

        assertEquals(LicenseStatus.OTHER_MACHINE, startOn(NEW, DAY_ONE).verdict().status());
        String state = Files.readString(home.resolve("license/state.properties"));
        assertFalse(state.contains("hardwareGrace."), state);
    }

    @Test
    void aKeyForAnotherServer_isRefusedOnUpload_evenWithTheClaim() throws Exception {
        LicenseService here = startOn(NEW, DAY_ONE);

        LicenseRefusedException e = assertThrows(LicenseRefusedException.class,
                () -> here.apply(key("NVZ-2026-000050", 14), new Actor("admin", "127.0.0.1")));

        assertTrue(e.getMessage().contains("belongs to another server"), e.getMessage());
        assertEquals(LicenseStatus.NO_LICENSE, here.verdict().status());
    }
}

package com.netvizura.license.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.Poll;
import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.machine.HardwareProbe;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.LicenseStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade over real keys, a real data directory and the real evaluator; only the probe and the clock are fakes. */
class LicenseServiceTest {

    private static final VendorKeyPair VENDOR = VendorKeyPair.generate();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final Actor ADMIN = new Actor("admin", "127.0.0.1");
    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "nv1", "Debian GNU/Linux 12");
    private static final MachineFacts ELSEWHERE = new MachineFacts(null, null, "BFEBFBFF000A0671",
            "9f1b2c3d4e5f60718293a4b5c6d7e8f9", List.of("3c:ec:ef:12:34:56"), null, "nv2", "Debian GNU/Linux 12");

    @TempDir
    Path home;

    private final AtomicInteger probes = new AtomicInteger();
    private LicenseService service;
    private final List<LicenseService> started = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        service = startService();
    }

    @AfterEach
    void stopEverything() {
        started.forEach(LicenseService::stop); // their threads must not outlive the test's data directory
    }

    private LicenseService startService() throws Exception {
        HardwareProbe probe = () -> {
            probes.incrementAndGet();
            return HERE;
        };
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        Settings settings = new SettingsReader(sys, Map.of(), name -> null).read();
        LicenseService fresh = LicenseService.start(settings, probe, TrustedKeys.of(VENDOR.publicKey()), BUILD, CLOCK,
                "Apache Tomcat/10.1.59");
        started.add(fresh);
        return fresh;
    }

    private static byte[] key(String id, MachineFacts machine, LocalDate maintenanceUntil) {
        License license = new License(id, CLOCK.instant().minusSeconds(3600), "ACME Networks", "it@acme.example",
                LicenseType.PERPETUAL, maintenanceUntil, null, InstallationCodes.of(machine).value(),
                List.of("netflow"), Map.of("devices", 100L), null, Map.of());
        return LicenseKeySigner.sign(license, VENDOR.privateKey()).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void start_withoutKey_saysNoLicenseAndProbesOnce() {
        assertEquals(LicenseStatus.NO_LICENSE, service.verdict().status());
        assertFalse(service.isOperational());
        service.verdict();
        service.details();
        assertEquals(1, probes.get());
    }

    @Test
    void apply_validKey_isActiveOperationalAndRaisesEpoch() throws Exception {
        long before = service.epoch();

        AppliedLicense applied = service.apply(key("NVZ-2026-000001", HERE, LocalDate.parse("2027-11-27")), ADMIN);

        assertTrue(applied.changed());
        assertEquals(LicenseStatus.VALID, applied.verdict().status());
        assertEquals(before + 1, service.epoch());
        assertTrue(service.isOperational());
        assertTrue(service.hasModule("netflow"));
        assertFalse(service.hasModule("eventlog"));
        assertEquals(100L, service.limit("devices").getAsLong());
        assertEquals("NVZ-2026-000001", service.details().get(
                com.netvizura.license.model.LicenseDetails.Field.LICENSE_ID).orElseThrow());
    }

    @Test
    void headroom_isTheLimitLessTheLatestCount_negativeOver_emptyWhereTheKeyDoesNotLimit() throws Exception {
        service.apply(key("NVZ-2026-000001", HERE, LocalDate.parse("2027-11-27")), ADMIN);
        long beforeAnyReport = service.headroom("devices").orElseThrow();

        service.reportUsage("devices", 87);
        long at87 = service.headroom("devices").orElseThrow();
        service.reportUsage("devices", 103);
        long at103 = service.headroom("devices").orElseThrow();
        service.reportUsage("probes", 12);

        assertAll(
                () -> assertEquals(100, beforeAnyReport, "nothing reported yet: the whole limit"),
                () -> assertEquals(13, at87),
                () -> assertEquals(-3, at103, "over the limit: negative, NetVizura keeps working"),
                () -> assertTrue(service.headroom("probes").isEmpty(), "the key does not limit probes"));
    }

    @Test
    void headroom_withoutLicense_isEmpty() {
        service.reportUsage("devices", 5);

        assertTrue(service.headroom("devices").isEmpty());
    }

    @Test
    void apply_sameKeyTwice_changesNothingTheSecondTime() throws Exception {
        byte[] key = key("NVZ-2026-000001", HERE, LocalDate.parse("2027-11-27"));
        service.apply(key, ADMIN);
        long epoch = service.epoch();

        AppliedLicense again = service.apply(key, ADMIN);

        assertFalse(again.changed());
        assertEquals(epoch, service.epoch());
        assertEquals(0, service.history().size());
    }

    @Test
    void apply_secondKey_retiresTheFirstIntoTheHistory() throws Exception {
        service.apply(key("NVZ-2026-000001", HERE, LocalDate.parse("2027-11-27")), ADMIN);
        assertEquals(List.of(), service.history());

        service.apply(key("NVZ-2026-000002", HERE, LocalDate.parse("2027-11-27")), ADMIN);

        assertEquals(List.of("NVZ-2026-000001"), service.history().stream().map(h -> h.licenseId()).toList());
    }

    @Test
    void apply_keyForAnotherMachine_isRefusedAuditedAndChangesNothing() throws Exception {
        byte[] good = key("NVZ-2026-000001", HERE, LocalDate.parse("2027-11-27"));
        service.apply(good, ADMIN);
        long epoch = service.epoch();

        LicenseRefusedException e = assertThrows(LicenseRefusedException.class,
                () -> service.apply(key("NVZ-2026-000002", ELSEWHERE, LocalDate.parse("2027-11-27")), ADMIN));

        assertEquals(LicenseRefusedException.Cause.NOT_USABLE_HERE, e.refusal());
        assertTrue(e.getMessage().contains("changed"), e.getMessage());
        assertEquals(epoch, service.epoch());
        assertEquals("NVZ-2026-000001", service.verdict().license().orElseThrow().id());
        assertArrayEquals(good, Files.readAllBytes(home.resolve("license/license.key")));
        AuditEntry last = lastAudit();
        assertEquals("NVZ-2026-000002", last.licenseId());
        assertEquals(AuditEntry.Outcome.REFUSED, last.outcome());
    }

    @Test
    void apply_tamperedKey_isRefusedAsNotAValidKey() throws Exception {
        byte[] key = key("NVZ-2026-000001", HERE, LocalDate.parse("2027-11-27"));
        String text = new String(key, StandardCharsets.US_ASCII);
        int i = text.indexOf('.') + 5;
        char c = text.charAt(i);
        byte[] tampered = (text.substring(0, i) + (c == 'A' ? 'B' : 'A') + text.substring(i + 1)).getBytes(StandardCharsets.US_ASCII);

        LicenseRefusedException e = assertThrows(LicenseRefusedException.class, () -> service.apply(tampered, ADMIN));

        assertEquals(LicenseRefusedException.Cause.NOT_A_VALID_KEY, e.refusal());
        assertEquals(LicenseStatus.NO_LICENSE, service.verdict().status());
        assertFalse(Files.exists(home.resolve("license/license.key")));
    }

    @Test
    void apply_buildReleasedAfterMaintenance_isRefusedAsVersionNotCovered() {
        LicenseRefusedException e = assertThrows(LicenseRefusedException.class,
                () -> service.apply(key("NVZ-2025-000001", HERE, LocalDate.parse("2026-10-31")), ADMIN));

        assertEquals(LicenseRefusedException.Cause.NOT_USABLE_HERE, e.refusal());
    }

    @Test
    void restart_keyEditedOnDisk_becomesInvalidAndIsNotDeleted() throws Exception {
        service.apply(key("NVZ-2026-000001", HERE, LocalDate.parse("2027-11-27")), ADMIN);
        Path active = home.resolve("license/license.key");
        String text = Files.readString(active).replace("-----END", "x-----END");
        Files.writeString(active, text);

        LicenseService restarted = startService();

        assertEquals(LicenseStatus.INVALID, restarted.verdict().status());
        assertFalse(restarted.isOperational());
        assertTrue(Files.exists(active));
    }

    @Test
    void epoch_changedByAnotherProcess_isSeenWithinAboutASecond() throws Exception {
        LicenseService other = startService();
        long before = service.epoch();

        other.apply(key("NVZ-2026-000003", HERE, LocalDate.parse("2027-11-27")), ADMIN);

        Poll.within(Duration.ofSeconds(5), Duration.ofMillis(50), () -> service.epoch() != before);
        assertEquals(before + 1, service.epoch());
        assertEquals("NVZ-2026-000003", service.verdict().license().orElseThrow().id());
    }

    @Test
    void today_isTheServiceClocksDayOfTheVerdict_inItsZone() throws Exception {
        Clock evening = Clock.fixed(Instant.parse("2026-11-28T23:30:00Z"), ZoneOffset.ofHours(2));
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        LicenseService east = LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(),
                () -> HERE, TrustedKeys.of(VENDOR.publicKey()), BUILD, evening, "test");
        started.add(east);

        assertEquals(LocalDate.parse("2026-11-29"), east.today(), "already the next day at UTC+2");
        assertEquals(ZoneOffset.ofHours(2), east.zone());
        assertEquals(LocalDate.parse("2026-11-28"), service.today());
    }

    @Test
    void checkedAt_isWhenTheVerdictWasLastEvaluated_alsoByThePoll() throws Exception {
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(start);
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        LicenseService watched = LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(),
                () -> HERE, TrustedKeys.of(VENDOR.publicKey()), BUILD, moving, "test");
        started.add(watched);
        assertEquals(start, watched.checkedAt());

        now.set(start.plusSeconds(3600));
        Poll.within(Duration.ofSeconds(5), Duration.ofMillis(50), () -> !watched.checkedAt().equals(start));

        assertEquals(start.plusSeconds(3600), watched.checkedAt(), "the once-a-second check confirmed the verdict");
    }

    @Test
    void graceUntil_subscription_isFourteenDaysAfterUsageEnds() throws Exception {
        License subscription = new License("NVZ-2026-000004", CLOCK.instant().minusSeconds(3600), "ACME Networks",
                null, LicenseType.SUBSCRIPTION, LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-31"),
                InstallationCodes.of(HERE).value(), List.of("netflow"), Map.of(), null, Map.of());
        service.apply(LicenseKeySigner.sign(subscription, VENDOR.privateKey()).getBytes(StandardCharsets.UTF_8), ADMIN);

        assertEquals(Optional.of(LocalDate.parse("2027-01-14")), service.verdict().graceUntil());
    }

    private AuditEntry lastAudit() throws Exception {
        List<AuditEntry> log = LicenseStore.open(home.resolve("license"), b -> Optional.empty(), CLOCK).auditLog();
        return log.get(log.size() - 1);
    }
}

package com.netvizura.license.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.LicenseStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key file ({@code netvizura.license.keyFile}) through the service on a real data directory and a real file
 * (only the hardware probe and the clock are fakes): applied at start and when it changes, held when it gives less,
 * never fatal when missing or refused, applied once by two nodes.
 */
class KeyFileWatcherTest {

    private static final VendorKeyPair VENDOR = VendorKeyPair.generate();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "nv1", "Debian GNU/Linux 12");
    private static final Actor ADMIN = new Actor("admin", "192.0.2.7");

    @TempDir
    Path home;
    @TempDir
    Path etc;

    private final List<LicenseService> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(LicenseService::stop);
    }

    private LicenseService start(Path keyFile) throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        sys.setProperty(Settings.KEY_FILE, keyFile.toString());
        LicenseService service = LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(),
                () -> HERE, TrustedKeys.of(VENDOR.publicKey()), BUILD, CLOCK, "test");
        started.add(service);
        return service;
    }

    static byte[] key(String id, String maintenanceUntil, List<String> modules) {
        License license = new License(id, CLOCK.instant().minusSeconds(3600), "ACME Networks", null,
                LicenseType.PERPETUAL, LocalDate.parse(maintenanceUntil), null, InstallationCodes.of(HERE).value(),
                modules, Map.of("devices", 100L), null, Map.of());
        return LicenseKeySigner.sign(license, VENDOR.privateKey()).getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces the file as deployment tools do: a new file moved over the old one. */
    private static void place(Path file, byte[] key) throws Exception {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, key);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static KeyFileStatus await(LicenseService service, Predicate<KeyFileStatus> until) throws Exception {
        KeyFileStatus last = null;
        for (int i = 0; i < 100; i++) {
            last = service.keyFileStatus().orElseThrow();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the key file status never came to what was expected: " + last);
    }

    private byte[] activeKey() throws Exception {
        return Files.readAllBytes(home.resolve("license/license.key"));
    }

    private List<AuditEntry> audit() throws Exception {
        return LicenseStore.open(home.resolve("license"), b -> Optional.empty(), CLOCK).auditLog();
    }

    @Test
    void start_withAKeyInTheFile_appliesIt_auditedAsKeyFile() throws Exception {
        Path file = etc.resolve("netvizura.key");
        byte[] key = key("NVZ-2026-000001", "2027-12-20", List.of("netflow"));
        Files.write(file, key);

        LicenseService service = start(file);

        assertArrayEquals(key, activeKey());
        assertEquals(KeyFileStatus.Outcome.APPLIED, service.keyFileStatus().orElseThrow().outcome());
        AuditEntry last = audit().get(audit().size() - 1);
        assertEquals("key-file", last.user());
        assertEquals(AuditEntry.Outcome.APPLIED, last.outcome());
        assertEquals(1, service.epoch());
    }

    @Test
    void changedFile_isApplied_andTouchingItAgainChangesNothing() throws Exception {
        Path file = etc.resolve("netvizura.key");
        Files.write(file, key("NVZ-2026-000001", "2027-12-20", List.of("netflow")));
        LicenseService service = start(file);
        byte[] renewed = key("NVZ-2027-000002", "2028-12-20", List.of("netflow", "eventlog"));

        place(file, renewed);
        KeyFileStatus status = await(service, s -> s.sentence().contains("NVZ-2027-000002"));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(2500);

        assertEquals(KeyFileStatus.Outcome.APPLIED, status.outcome());
        assertArrayEquals(renewed, activeKey());
        assertEquals(2, service.epoch(), "touched, not changed: not applied again");
        assertEquals(2, audit().stream().filter(e -> e.outcome() == AuditEntry.Outcome.APPLIED).count());
    }

    @Test
    void lesserKey_isHeld_untilApplyAnyway() throws Exception {
        Path file = etc.resolve("netvizura.key");
        byte[] active = key("NVZ-2026-000001", "2027-12-20", List.of("netflow", "eventlog"));
        Files.write(file, active);
        LicenseService service = start(file);
        byte[] lesser = key("NVZ-2026-000002", "2027-06-01", List.of("netflow"));

        place(file, lesser);
        KeyFileStatus held = await(service, s -> s.outcome() == KeyFileStatus.Outcome.HELD);

        assertArrayEquals(active, activeKey(), "a key that gives less is not applied from a file");
        assertTrue(held.held().isPresent());
        assertTrue(held.sentence().endsWith("Your current license is unchanged."), held.sentence());
        assertTrue(held.held().get().reason().change().lossSentences().size() >= 2);
        AuditEntry last = audit().get(audit().size() - 1);
        assertEquals(AuditEntry.Outcome.HELD, last.outcome());
        assertEquals("key-file", last.user());

        service.applyAnyway(held.held().get().key(), held.held().get().reason().confirmation(), ADMIN);
        KeyFileStatus after = await(service, s -> s.outcome() == KeyFileStatus.Outcome.ACTIVE);

        assertArrayEquals(lesser, activeKey());
        assertTrue(after.held().isEmpty());
    }

    @Test
    void heldKey_cancelled_isNotOfferedAgain_untilTheFileChanges() throws Exception {
        Path file = etc.resolve("netvizura.key");
        Files.write(file, key("NVZ-2026-000001", "2027-12-20", List.of("netflow", "eventlog")));
        LicenseService service = start(file);
        place(file, key("NVZ-2026-000002", "2027-06-01", List.of("netflow")));
        KeyFileStatus held = await(service, s -> s.outcome() == KeyFileStatus.Outcome.HELD);

        service.cancel(held.held().get().key(), ADMIN);

        KeyFileStatus cancelled = service.keyFileStatus().orElseThrow();
        assertEquals(KeyFileStatus.Outcome.CANCELLED, cancelled.outcome());
        assertTrue(cancelled.held().isEmpty());
    }

    @Test
    void missingThenRefusedFile_isSaid_andNeverStopsAnything() throws Exception {
        Path file = etc.resolve("absent.key");
        LicenseService service = start(file);

        KeyFileStatus missing = service.keyFileStatus().orElseThrow();
        place(file, "-----BEGIN NETVIZURA LICENSE KEY-----\nbroken\n-----END NETVIZURA LICENSE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII));
        KeyFileStatus refused = await(service, s -> s.outcome() == KeyFileStatus.Outcome.REFUSED);

        assertEquals(KeyFileStatus.Outcome.MISSING, missing.outcome());
        assertTrue(missing.sentence().contains(file.toString()), missing.sentence());
        assertTrue(refused.sentence().endsWith("Your current license is unchanged."), refused.sentence());
        assertEquals(0, service.epoch());
        assertEquals(AuditEntry.Outcome.REFUSED, audit().get(audit().size() - 1).outcome());
    }

    @Test
    void twoNodesWithTheSameSetting_applyTheKeyOnce() throws Exception {
        Path file = etc.resolve("netvizura.key");
        Files.write(file, key("NVZ-2026-000001", "2027-12-20", List.of("netflow")));

        LicenseService first = start(file);
        LicenseService second = start(file);

        assertEquals(KeyFileStatus.Outcome.APPLIED, first.keyFileStatus().orElseThrow().outcome());
        assertEquals(KeyFileStatus.Outcome.ACTIVE, second.keyFileStatus().orElseThrow().outcome());
        assertEquals(1, second.epoch());
        assertEquals(1, audit().stream().filter(e -> e.outcome() == AuditEntry.Outcome.APPLIED).count());
    }
}

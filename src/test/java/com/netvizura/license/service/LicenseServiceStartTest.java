package com.netvizura.license.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import com.netvizura.license.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardware probe runs on a thread of its own while the application starts: the start does not wait for it, and
 * nothing that needs this machine's facts answers before they are there (the first request gets the right verdict),
 * nor when the probe failed (fail closed).
 */
class LicenseServiceStartTest {

    private static final VendorKeyPair VENDOR = VendorKeyPair.generate();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final Actor ADMIN = new Actor("admin", "127.0.0.1");
    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "nv1", "Debian GNU/Linux 12");

    @TempDir
    Path home;

    /** A probe that answers only once the test lets it, and says what happened to it in order. */
    private final CountDownLatch answer = new CountDownLatch(1);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final HardwareProbe heldProbe = new HardwareProbe() {
        @Override
        public MachineFacts probe() {
            events.add("probing");
            try {
                if (!answer.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the test never let the probe answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            events.add("probed");
            return HERE;
        }

        @Override
        public void release() {
            events.add("released");
        }
    };

    private LicenseService service;

    @BeforeEach
    void applyKeyBoundToThisMachine() throws Exception {
        LicenseService first = start(() -> HERE);
        first.apply(key(), ADMIN);
        first.stop();
    }

    @AfterEach
    void stop() {
        answer.countDown();
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void start_returnsWhileTheProbeStillRuns() throws Exception {
        service = start(heldProbe);

        assertFalse(events.contains("probed"), "the start waited for the probe: " + events);
        answer.countDown();
        assertEquals(LicenseStatus.VALID, service.verdict().status());
    }

    @Test
    void firstVerdict_ofAKeyBoundToThisMachine_waitsForTheProbeAndIsRight() throws Exception {
        service = start(heldProbe);

        CompletableFuture<Verdict> firstRequest = CompletableFuture.supplyAsync(service::verdict);
        Thread.sleep(300); // time enough for a verdict that did not wait to be there

        assertFalse(firstRequest.isDone(), "a verdict came before this machine was probed");
        answer.countDown();
        Verdict verdict = firstRequest.get(1, TimeUnit.MINUTES);
        assertEquals(LicenseStatus.VALID, verdict.status());
        assertTrue(verdict.operational());
        assertEquals(InstallationCodes.of(HERE), service.installationCode());
    }

    @Test
    void probeFailed_keyBoundToThisMachine_isNeverOperational() throws Exception {
        service = start(() -> {
            throw new IllegalStateException("no hardware today");
        });

        assertThrows(IllegalStateException.class, service::verdict);
        assertThrows(IllegalStateException.class, service::isOperational);
        assertThrows(IllegalStateException.class, service::installationCode);
    }

    @Test
    void stop_whileProbing_releasesTheProbeOnlyAfterItEnded() throws Exception {
        service = start(heldProbe);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(service::stop);
        Thread.sleep(300);

        assertFalse(stopping.isDone(), "stop did not wait for the probe");
        answer.countDown();
        stopping.get(1, TimeUnit.MINUTES);
        assertEquals(List.of("probing", "probed", "released"), events);
        service = null;
    }

    private LicenseService start(HardwareProbe probe) throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        Settings settings = new SettingsReader(sys, Map.of(), name -> null).read();
        return LicenseService.start(settings, probe, TrustedKeys.of(VENDOR.publicKey()), BUILD, CLOCK, "Tomcat");
    }

    private static byte[] key() {
        License license = new License("NVZ-2026-000001", CLOCK.instant().minusSeconds(3600), "ACME Networks",
                "it@acme.example", LicenseType.PERPETUAL, LocalDate.parse("2027-11-27"), null,
                InstallationCodes.of(HERE).value(), List.of("netflow"), Map.of("devices", 100L), null, Map.of());
        return LicenseKeySigner.sign(license, VENDOR.privateKey()).getBytes(StandardCharsets.UTF_8);
    }
}

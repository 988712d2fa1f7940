package com.netvizura.license.bench;

import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.service.LicenseHeldException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.PreviousKey;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the History costs where it is read, with 0 (the baseline), 20 and 200 earlier keys and as many audit lines:
 * a service start (data directory opened, active key and every history key read and verified, audit log read), and
 * the reload after an apply on a running service, here the active key uploaded again (verify, one audit line forced
 * to disk, reload: only history files not seen before are read, the audit log whole). Run:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench.include=HistoryRead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HistoryReadBenchmark {

    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "bench", "Debian GNU/Linux 12");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final Actor ADMIN = new Actor("bench", "127.0.0.1");

    @Param({"0", "20", "200"})
    public int earlierKeys;

    /** Held, so that the level set on it stays (the logging keeps loggers only weakly). */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("com.netvizura.license");

    private Path home;
    private Settings settings;
    private TrustedKeys trusted;
    private LicenseService running;
    private byte[] activeKey;

    @Setup(Level.Trial)
    public void fillTheHistory() throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        home = Files.createTempDirectory("nv-history-bench");
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        settings = new SettingsReader(sys, Map.of(), name -> null).read();
        VendorKeyPair vendor = VendorKeyPair.generate();
        trusted = TrustedKeys.of(vendor.publicKey());
        LicenseService service = start();
        for (int i = 0; i <= earlierKeys; i++) {
            License license = new License(String.format("NVZ-2026-%06d", i), CLOCK.instant().minusSeconds(3600),
                    "ACME Networks", null, LicenseType.PERPETUAL, LocalDate.parse("2027-11-27"), null,
                    InstallationCodes.of(HERE).value(), List.of("netflow"), Map.of("devices", 100L), null, Map.of());
            byte[] key = LicenseKeySigner.sign(license, vendor.privateKey()).getBytes(StandardCharsets.UTF_8);
            try {
                service.apply(key, ADMIN);
            } catch (LicenseHeldException held) {
                service.applyAnyway(key, held.confirmation(), ADMIN);
            }
            activeKey = key;
        }
        running = service;
        if (service.history().size() != earlierKeys) {
            throw new IllegalStateException("expected " + earlierKeys + " earlier keys, got " + service.history().size());
        }
    }

    @TearDown(Level.Trial)
    public void removeTheDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private LicenseService start() throws Exception {
        return LicenseService.start(settings, () -> HERE, trusted, BUILD, CLOCK, "bench");
    }

    @Benchmark
    public List<PreviousKey> startAndReadTheHistory() throws Exception {
        return start().history();
    }

    @Benchmark
    public boolean applyTheActiveKeyAgain() throws Exception {
        return running.apply(activeKey, ADMIN).changed();
    }
}

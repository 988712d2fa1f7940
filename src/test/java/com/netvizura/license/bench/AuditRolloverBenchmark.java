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
import com.netvizura.license.service.LicenseService;
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
import java.nio.file.StandardOpenOption;
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
 * What one change costs with 20 MB of earlier audit lines, against none (the baseline): the active key uploaded
 * again on a running service (verify, one audit line forced to disk, reload with the History). The earlier lines are
 * written as the store writes them, 8 MiB at a time, each time followed by a change that rolls {@code audit.log}
 * over, so that the 20 MB end up as two gzipped parts and about 4 MB in {@code audit.log}. Run:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench.include=AuditRollover}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AuditRolloverBenchmark {

    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "bench", "Debian GNU/Linux 12");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final Actor ADMIN = new Actor("bench", "127.0.0.1");
    private static final long CHUNK = 8L * 1024 * 1024 + 1;

    @Param({"0", "20"})
    public int earlierAuditMegabytes;

    /** Held, so that the level set on it stays (the logging keeps loggers only weakly). */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("com.netvizura.license");

    private Path home;
    private LicenseService running;
    private byte[] activeKey;

    @Setup(Level.Trial)
    public void writeEarlierAudit() throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        home = Files.createTempDirectory("nv-audit-bench");
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        Settings settings = new SettingsReader(sys, Map.of(), name -> null).read();
        VendorKeyPair vendor = VendorKeyPair.generate();
        running = LicenseService.start(settings, () -> HERE, TrustedKeys.of(vendor.publicKey()), BUILD, CLOCK, "bench");
        License license = new License("NVZ-2026-000001", CLOCK.instant().minusSeconds(3600), "ACME Networks", null,
                LicenseType.PERPETUAL, LocalDate.parse("2027-11-27"), null, InstallationCodes.of(HERE).value(),
                List.of("netflow"), Map.of("devices", 100L), null, Map.of());
        activeKey = LicenseKeySigner.sign(license, vendor.privateKey()).getBytes(StandardCharsets.UTF_8);
        running.apply(activeKey, ADMIN);
        Path audit = home.resolve("license").resolve("audit.log");
        long left = earlierAuditMegabytes * 1_000_000L;
        int line = 0;
        while (left > 0) {
            StringBuilder chunk = new StringBuilder();
            while (chunk.length() < Math.min(left, CHUNK)) {
                chunk.append("{\"time\":\"2026-11-01T00:00:00Z\",\"user\":\"admin\",\"remoteAddress\":"
                        + "\"192.0.2.1\",\"action\":\"APPLY\",\"licenseId\":null,\"outcome\":\"REFUSED\","
                        + "\"reason\":\"earlier line ").append(line++).append("\"}\n");
            }
            Files.writeString(audit, chunk, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            left -= chunk.length();
            running.apply(activeKey, ADMIN); // rolls audit.log over once it is past 8 MiB
        }
        try (Stream<Path> files = Files.list(home.resolve("license"))) {
            System.out.println("audit files: " + files.filter(f -> f.getFileName().toString().startsWith("audit"))
                    .map(f -> f.getFileName() + "=" + f.toFile().length()).sorted().toList());
        }
    }

    @TearDown(Level.Trial)
    public void removeTheDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public boolean applyTheActiveKeyAgain() throws Exception {
        return running.apply(activeKey, ADMIN).changed();
    }
}

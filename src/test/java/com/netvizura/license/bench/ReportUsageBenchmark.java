package com.netvizura.license.bench;

import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code LicenseService.reportUsage} as the host calls it wherever it counts (DESIGN.md section 11: cheap, no I/O on
 * the caller's thread), from 1 and from 8 threads on one name, with the meter's tick thread running and writing
 * {@code usage.csv} as deployed. The baseline is the least such a call can do: the peak kept with one
 * {@link AtomicLong#accumulateAndGet} on a shared cell. Run with the allocation profiler:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench.include=ReportUsage} (add {@code -prof gc} by running
 * {@code org.openjdk.jmh.Main ReportUsage -prof gc} on the test class path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReportUsageBenchmark {

    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "bench", "Debian GNU/Linux 12");
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("com.netvizura.license");

    private final AtomicLong baselinePeak = new AtomicLong();
    private final AtomicLong counter = new AtomicLong();
    private Path home;
    private LicenseService service;

    @Setup(Level.Trial)
    public void start() throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        home = Files.createTempDirectory("nv-usage-bench");
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        Settings settings = new SettingsReader(sys, Map.of(), name -> null).read();
        service = LicenseService.start(settings, () -> HERE, TrustedKeys.of(VendorKeyPair.generate().publicKey()),
                BUILD, Clock.systemDefaultZone(), "bench");
        service.reportUsage("devices", 1); // the name's cell exists: what every later call finds
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        service.stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private long nextCount() {
        return counter.getAndIncrement() & 1023;
    }

    @Benchmark
    @Threads(1)
    public void reportUsage1Thread() {
        service.reportUsage("devices", nextCount());
    }

    @Benchmark
    @Threads(8)
    public void reportUsage8Threads() {
        service.reportUsage("devices", nextCount());
    }

    @Benchmark
    @Threads(1)
    public long baselineAtomicPeak1Thread() {
        return baselinePeak.accumulateAndGet(nextCount(), Math::max);
    }

    @Benchmark
    @Threads(8)
    public long baselineAtomicPeak8Threads() {
        return baselinePeak.accumulateAndGet(nextCount(), Math::max);
    }
}

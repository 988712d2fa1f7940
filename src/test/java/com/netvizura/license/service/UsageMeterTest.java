package com.netvizura.license.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.model.Usage;
import com.netvizura.license.store.LicenseStore;
import com.netvizura.license.store.UsageFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage meter over a real {@code usage.csv} in a temporary license directory; only the clock is a fake. */
class UsageMeterTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    private static final Map<String, Long> LIMITS = Map.of("devices", 100L);

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-03T10:00:00Z"));
    private UsageFile file;

    @BeforeEach
    void open() throws Exception {
        file = LicenseStore.open(dir, LicenseKeyVerifier::peekLicenseId, clock).usageFile();
    }

    private UsageMeter meter() {
        return UsageMeter.manual(file, clock, () -> LIMITS);
    }

    private void csv(String... lines) throws Exception {
        Files.writeString(dir.resolve("usage.csv"), "date,name,peak,limit\n" + String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
    }

    private List<String> csvLines() throws Exception {
        return Files.readAllLines(dir.resolve("usage.csv"));
    }

    @Test
    void report_keepsTheDaysHighestCount_withTheLimit_andShowsTheLastCount() throws Exception {
        UsageMeter meter = meter();
        meter.report("devices", 87);
        meter.report("devices", 91);
        meter.report("devices", 85);
        meter.tick(false);

        Usage usage = meter.snapshot().usage().get("devices");
        assertAll(
                () -> assertEquals(List.of("date,name,peak,limit", "2026-12-03,devices,91,100"), csvLines()),
                () -> assertEquals(85, usage.inUse()),
                () -> assertEquals(OptionalLong.of(100), usage.limit()),
                () -> assertEquals(91, usage.peak30d()),
                () -> assertEquals(clock.instant(), usage.reportedAt()),
                () -> assertEquals(Optional.empty(), usage.overSince()));
    }

    @Test
    void nameWithoutLimit_isKept_andShownAsNotLimited() throws Exception {
        UsageMeter meter = meter();
        meter.report("probes", 12);
        meter.tick(false);

        assertAll(
                () -> assertEquals("2026-12-03,probes,12,", csvLines().get(1)),
                () -> assertFalse(meter.snapshot().usage().get("probes").limited()));
    }

    @Test
    void file_isWrittenAtMostOnceAMinutePerName_andAtStop() throws Exception {
        UsageMeter meter = meter();
        meter.report("devices", 10);
        meter.tick(false);
        meter.report("devices", 20);
        clock.advance(Duration.ofSeconds(30));
        meter.tick(false);
        String afterHalfAMinute = csvLines().get(1);
        clock.advance(Duration.ofSeconds(31));
        meter.tick(false);
        String afterAMinute = csvLines().get(1);
        meter.report("devices", 30);
        meter.stop();

        assertAll(
                () -> assertEquals("2026-12-03,devices,10,100", afterHalfAMinute),
                () -> assertEquals("2026-12-03,devices,20,100", afterAMinute),
                () -> assertEquals("2026-12-03,devices,30,100", csvLines().get(1)));
    }

    @Test
    void peak30d_countsTheLast30DaysToday_included_andSurvivesARestart() throws Exception {
        csv(TODAY.minusDays(30) + ",devices,99,100", TODAY.minusDays(29) + ",devices,95,100",
                TODAY.minusDays(1) + ",devices,60,100");
        UsageMeter first = meter();
        first.report("devices", 70);
        first.stop();

        UsageMeter afterRestart = meter();
        Usage usage = afterRestart.snapshot().usage().get("devices");

        assertAll(
                () -> assertEquals(95, usage.peak30d()),
                () -> assertEquals(70, usage.inUse(), "the latest peak of the file, until the host reports again"),
                () -> assertTrue(Files.readString(dir.resolve("usage.csv")).contains(TODAY + ",devices,70,100")));
    }

    @Test
    void overSince_isTheFirstDayOfTheRunOverTheLimit_thatLastsUntilNow() throws Exception {
        csv(TODAY.minusDays(4) + ",devices,120,100", TODAY.minusDays(3) + ",devices,95,100",
                TODAY.minusDays(2) + ",devices,105,100", TODAY.minusDays(1) + ",devices,110,100");
        UsageMeter meter = meter();
        meter.report("devices", 103);
        meter.tick(false);
        LocalDate over = meter.snapshot().usage().get("devices").overSince().orElseThrow();
        meter.report("devices", 100);
        clock.advance(Duration.ofSeconds(1));
        meter.tick(false);

        assertAll(
                () -> assertEquals(TODAY.minusDays(2), over),
                () -> assertEquals(Optional.empty(), meter.snapshot().usage().get("devices").overSince(),
                        "at the limit is not over it"));
    }

    @Test
    void merge_keeps400Days_andDropsOlderOnes() throws Exception {
        csv(TODAY.minusDays(400) + ",devices,1,100", TODAY.minusDays(399) + ",devices,2,100");
        UsageMeter meter = meter();
        meter.report("devices", 3);
        meter.tick(false);

        assertEquals(List.of("date,name,peak,limit", TODAY.minusDays(399) + ",devices,2,100",
                TODAY + ",devices,3,100"), csvLines());
    }

    @Test
    void twoNodesOnOneDirectory_keepTheHigherPeak_andSeeEachOthersNames() throws Exception {
        UsageMeter nodeA = meter();
        UsageMeter nodeB = meter();
        nodeA.report("devices", 80);
        nodeB.report("devices", 90);
        nodeB.report("interfaces", 7);
        nodeA.tick(false);
        nodeB.tick(false);
        nodeA.report("devices", 85);
        clock.advance(Duration.ofMinutes(1));
        nodeA.tick(false);

        assertAll(
                () -> assertEquals(List.of("date,name,peak,limit", "2026-12-03,devices,90,100",
                        "2026-12-03,interfaces,7,"), csvLines()),
                () -> assertEquals(90, nodeA.snapshot().usage().get("devices").peak30d()),
                () -> assertEquals(85, nodeA.snapshot().usage().get("devices").inUse(), "its own last report"),
                () -> assertEquals(7, nodeA.snapshot().usage().get("interfaces").inUse(), "the other node's name"));
    }

    @Test
    void tornLineAtStart_isSkipped_andNothingElseIsLost() throws Exception {
        Files.writeString(dir.resolve("usage.csv"), "date,name,peak,limit\n" + TODAY.minusDays(2)
                + ",devices,40,100\n2026-12-0\n" + TODAY.minusDays(1) + ",devices,50,100\n", StandardCharsets.UTF_8);
        UsageMeter meter = meter();
        Usage before = meter.snapshot().usage().get("devices");
        meter.report("devices", 45);
        meter.tick(false);

        assertAll(
                () -> assertEquals(50, before.peak30d()),
                () -> assertEquals(List.of("date,name,peak,limit", TODAY.minusDays(2) + ",devices,40,100",
                        TODAY.minusDays(1) + ",devices,50,100", TODAY + ",devices,45,100"), csvLines()));
    }

    @Test
    void badReports_areRefused_andNothingOfThemIsKept() throws Exception {
        UsageMeter meter = meter();
        for (int i = 0; i < 64; i++) {
            meter.report("n" + i, i);
        }

        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> meter.report("Devices", 1)),
                () -> assertThrows(IllegalArgumentException.class, () -> meter.report("1devices", 1)),
                () -> assertThrows(IllegalArgumentException.class, () -> meter.report("d".repeat(41), 1)),
                () -> assertThrows(IllegalArgumentException.class, () -> meter.report("n1", -1)),
                () -> assertThrows(IllegalArgumentException.class, () -> meter.report("n64", 1), "a 65th name"),
                () -> assertFalse(meter.accepts(List.of("n0", "another"))),
                () -> assertTrue(meter.accepts(List.of("n0", "n63"))));
        meter.tick(false);
        assertAll(
                () -> assertEquals(64, meter.snapshot().usage().size()),
                () -> assertEquals(1, meter.snapshot().usage().get("n1").inUse()));
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

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
            return now;
        }
    }
}

package com.netvizura.license.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static com.netvizura.license.store.TestKeys.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-28T07:45:12Z");

    @TempDir
    Path dir;

    private LicenseStore store() throws StoreException {
        return LicenseStore.open(dir, IDS, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private String markOnDisk() throws Exception {
        return Files.readAllLines(dir.resolve("state.properties")).stream()
                .filter(l -> l.startsWith("clockHighWaterMark=")).findFirst().orElse("none");
    }

    @Test
    void clockMoreThan24HoursBehindTheMark_looksSetBack() throws Exception {
        ClockGuard guard = store().clockGuard();

        assertFalse(guard.looksSetBack(T0));
        assertTrue(guard.looksSetBack(T0.minus(Duration.ofHours(25))));
        assertTrue(guard.looksSetBack(T0.minus(Duration.ofDays(400))));
    }

    @Test
    void clockLessThan24HoursBehindTheMark_isNotSetBack() throws Exception {
        ClockGuard guard = store().clockGuard();
        guard.looksSetBack(T0);

        assertFalse(guard.looksSetBack(T0.minus(Duration.ofHours(23))));
        assertFalse(guard.looksSetBack(T0.minus(Duration.ofHours(24))));
        assertFalse(guard.looksSetBack(T0.plus(Duration.ofDays(3))));
        assertTrue(guard.looksSetBack(T0.plus(Duration.ofDays(3)).minus(Duration.ofHours(25))));
    }

    @Test
    void setBackClock_neverLowersTheMark() throws Exception {
        ClockGuard guard = store().clockGuard(Duration.ZERO);
        guard.looksSetBack(T0);

        guard.looksSetBack(T0.minus(Duration.ofDays(30)));

        assertEquals(T0, guard.highWaterMark());
        assertEquals("clockHighWaterMark=" + T0, markOnDisk());
    }

    @Test
    void mark_survivesARestart() throws Exception {
        store().clockGuard().looksSetBack(T0); // the first reading is always written

        ClockGuard afterRestart = store().clockGuard();

        assertEquals(T0, afterRestart.highWaterMark());
        assertTrue(afterRestart.looksSetBack(T0.minus(Duration.ofDays(2))));
    }

    @Test
    void advancingClock_isWrittenAtMostEveryFiveMinutes() throws Exception {
        ClockGuard guard = store().clockGuard();
        Set<String> marksSeen = new HashSet<>();
        Instant now = T0;
        for (int call = 0; call < 360; call++) { // an hour, one check every 10 seconds
            guard.looksSetBack(now);
            marksSeen.add(markOnDisk());
            now = now.plusSeconds(10);
        }

        // t=0, 5, 10, ... 55 minutes: 12 writes in the hour instead of 360
        assertEquals(12, guard.writes());
        assertEquals(12, marksSeen.size());
        assertEquals("clockHighWaterMark=" + T0.plus(Duration.ofMinutes(55)), markOnDisk());
    }

    @Test
    void fixedClock_isWrittenOnce() throws Exception {
        ClockGuard guard = store().clockGuard();
        for (int call = 0; call < 1000; call++) {
            guard.looksSetBack(T0);
        }

        assertEquals(1, guard.writes());
    }

    @Test
    void laterMarkOfAnotherProcess_isKept() throws Exception {
        ClockGuard ahead = store().clockGuard(Duration.ZERO);
        ClockGuard behind = store().clockGuard(Duration.ZERO);
        ahead.looksSetBack(T0.plus(Duration.ofDays(10)));

        behind.looksSetBack(T0);

        assertEquals("clockHighWaterMark=" + T0.plus(Duration.ofDays(10)), markOnDisk());
        assertEquals(T0.plus(Duration.ofDays(10)), behind.highWaterMark());
        assertTrue(behind.looksSetBack(T0));
    }

    @Test
    void clockMark_doesNotDisturbTheEpoch() throws Exception {
        LicenseStore store = store();
        store.apply(TestKeys.key("NVZ-A"), "NVZ-A", TestKeys.ADMIN);
        store.clockGuard(Duration.ZERO).looksSetBack(T0.plusSeconds(1));

        assertEquals(1, store.readEpochFromDisk());
        assertEquals(1, LicenseStore.open(dir, IDS, Clock.systemUTC()).epoch());
    }
}

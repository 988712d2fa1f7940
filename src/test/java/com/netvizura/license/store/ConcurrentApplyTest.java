package com.netvizura.license.store;

import com.netvizura.license.model.Actor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.netvizura.license.store.TestKeys.IDS;
import static com.netvizura.license.store.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twenty admins at once, through two store instances on one directory (as two web apps or Tomcats would). */
class ConcurrentApplyTest {

    private static final int THREADS = 20;

    @TempDir
    Path dir;

    @Test
    void twentyThreadsApplyingAtOnce_giveOneFinalStateAndACompleteHistory() throws Exception {
        LicenseStore first = LicenseStore.open(dir, IDS, Clock.systemUTC());
        LicenseStore second = LicenseStore.open(dir, IDS, Clock.systemUTC());
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String id = "NVZ-T" + i;
            LicenseStore store = i % 2 == 0 ? first : second;
            Actor actor = new Actor("admin" + i, "192.0.2." + i);
            results.add(pool.submit(() -> {
                start.await();
                List<String> applied = new ArrayList<>();
                for (int round = 0; round < 2; round++) { // the second one is ALREADY_ACTIVE unless someone came between
                    if (store.apply(key(id), id, actor).applied()) {
                        applied.add(id);
                    }
                }
                return applied;
            }));
        }
        Map<String, Integer> applied = new HashMap<>();
        for (Future<List<String>> result : results) {
            result.get(60, TimeUnit.SECONDS).forEach(id -> applied.merge(id, 1, Integer::sum));
        }
        pool.shutdown();
        int appliedCount = applied.values().stream().mapToInt(Integer::intValue).sum();

        LicenseStore after = LicenseStore.open(dir, IDS, Clock.systemUTC());
        assertEquals(appliedCount, after.readEpochFromDisk());
        assertEquals(THREADS, applied.size()); // every thread's first apply changed the key
        // Every applied key is either the active one or in the history, as often as it was applied.
        Map<String, Integer> kept = new HashMap<>();
        kept.merge(TestKeys.idOf(after.activeKey().orElseThrow()).orElseThrow(), 1, Integer::sum);
        for (HistoryEntry entry : after.history()) {
            byte[] bytes = entry.readKey();
            String id = TestKeys.idOf(bytes).orElseThrow();
            assertEquals(id, entry.licenseId());
            assertTrue(java.util.Arrays.equals(key(id), bytes), "history file is complete: " + entry.file());
            kept.merge(id, 1, Integer::sum);
        }
        assertEquals(applied, kept);
        assertEquals(appliedCount - 1, after.history().size());
        List<AuditEntry> audit = after.auditLog();
        assertEquals(2 * THREADS, audit.size());
        assertEquals(appliedCount, audit.stream().filter(e -> e.outcome() == AuditEntry.Outcome.APPLIED).count());
    }
}

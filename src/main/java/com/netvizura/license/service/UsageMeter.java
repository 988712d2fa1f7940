package com.netvizura.license.service;

import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Usage;
import com.netvizura.license.model.UsageDay;
import com.netvizura.license.model.UsageName;
import com.netvizura.license.store.StoreException;
import com.netvizura.license.store.UsageFile;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongBinaryOperator;
import java.util.function.Supplier;

/**
 * Usage against limits (DESIGN.md section 11). {@link #report} is what the host calls wherever it counts: it only
 * sets a few fields of the name's cell (no I/O, no lock, no allocation once the name was seen), so it may be called
 * from any thread as often as the host likes.
 *
 * <p>Everything else happens on one daemon thread of its own, every second: it takes each cell's peak since the last
 * tick into the day's peak, writes the peaks to {@code usage.csv} ({@link UsageFile}) at most once a minute per name,
 * reads the file again every minute when it wrote nothing (to see the peaks of other nodes sharing the directory),
 * and publishes an immutable {@link Snapshot} that the pages, the status API and the metrics read. {@link #stop}
 * writes what is still pending, so a restart loses no peak.
 *
 * <p>A name this node has no report of yet (after a restart, or reported on another node) is shown with the latest
 * daily peak of the file as its count.
 *
 * <p>One class although long: the cells, the tick and the snapshot share the pending peaks and the times of the last
 * write and read, which only the tick changes; split, they would have to share that state across classes. The file
 * format is {@link UsageFile}'s.
 */
final class UsageMeter {

    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);
    static final int PEAK_DAYS = 30;
    static final String THREAD_NAME = "NetVizura License usage";
    static final String ERROR_NAME = "ERROR_USAGE_NAME: a usage name is a lower-case letter, then up to 39 "
            + "lower-case letters, digits or _ (e.g. devices); got ";
    static final String ERROR_NEGATIVE = "ERROR_USAGE_NEGATIVE: a count in use is 0 or more; got ";
    static final String ERROR_TOO_MANY = "ERROR_USAGE_TOO_MANY_NAMES: at most " + UsageName.MAX_NAMES
            + " usage names are kept; report fewer kinds of things";
    private static final LongBinaryOperator MAX = Math::max;
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(10);
    private static final System.Logger LOG = System.getLogger(UsageMeter.class.getName());

    /** What the readers see: the usage of each name and the daily peaks, as of the last tick. */
    record Snapshot(Map<String, Usage> usage, List<UsageDay> days) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of());
    }

    /** One name's latest report and its peak since the last tick; written by the host's threads. */
    private static final class Cell {
        volatile long inUse = -1;
        volatile long reportedAtMillis;
        final AtomicLong peakSinceTick = new AtomicLong(-1);
    }

    private final ConcurrentHashMap<String, Cell> cells = new ConcurrentHashMap<>();
    private final UsageFile file;
    private final Clock clock;
    private final Supplier<Map<String, Long>> limits;
    private final ScheduledExecutorService thread;

    // Below: the tick's own state, touched only under this object's monitor (the tick thread, and stop()).
    private final Map<String, Map<LocalDate, Long>> pending = new HashMap<>();
    private final Map<String, Instant> lastWrite = new HashMap<>();
    private List<UsageDay> days = List.of();
    private Instant lastRead = Instant.MIN;
    private Instant lastFailureLogged = Instant.MIN;
    private boolean stopped;
    private LocalDate builtFor;
    private Map<String, Long> builtWith = Map.of();

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    private UsageMeter(UsageFile file, Clock clock, Supplier<Map<String, Long>> limits, boolean background) {
        this.file = file;
        this.clock = clock;
        this.limits = limits;
        this.thread = background ? Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, THREAD_NAME);
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Reads {@code usage.csv} and starts the tick thread.
     *
     * @param limits the limits of the license in force (empty map without a license)
     */
    static UsageMeter start(UsageFile file, Clock clock, Supplier<Map<String, Long>> limits) {
        UsageMeter meter = new UsageMeter(file, clock, limits, true);
        meter.tick(false);
        meter.thread.scheduleWithFixedDelay(meter::tickQuietly, TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        return meter;
    }

    /** A meter without its own thread: the test calls {@link #tick} itself. */
    static UsageMeter manual(UsageFile file, Clock clock, Supplier<Map<String, Long>> limits) {
        UsageMeter meter = new UsageMeter(file, clock, limits, false);
        meter.tick(false);
        return meter;
    }

    /**
     * Takes {@code inUse} as the count of {@code name} now. Returns at once.
     *
     * @throws IllegalArgumentException when the name is not a usage name or the count is negative, or when this would
     *                                  be the 65th name
     */
    void report(String name, long inUse) {
        if (inUse < 0) {
            throw new IllegalArgumentException(ERROR_NEGATIVE + inUse);
        }
        Cell cell = cells.get(name);
        if (cell == null) {
            cell = newCell(name);
        }
        cell.inUse = inUse;
        cell.reportedAtMillis = clock.millis();
        cell.peakSinceTick.accumulateAndGet(inUse, MAX);
    }

    private Cell newCell(String name) {
        if (!UsageName.isValid(name)) {
            throw new IllegalArgumentException(ERROR_NAME + LogValue.of(name));
        }
        if (!accepts(List.of(name))) {
            throw new IllegalArgumentException(ERROR_TOO_MANY);
        }
        return cells.computeIfAbsent(name, n -> new Cell());
    }

    /** Whether a report of {@code names} keeps this server within {@value UsageName#MAX_NAMES} names. */
    boolean accepts(Collection<String> names) {
        int added = 0;
        for (String name : names) {
            if (!cells.containsKey(name)) {
                added++;
            }
        }
        return cells.size() + added <= UsageName.MAX_NAMES;
    }

    /** The latest count of {@code name} known here: reported to this node, else the file's latest peak. */
    OptionalLong inUse(String name) {
        Cell cell = cells.get(name);
        if (cell != null && cell.inUse >= 0) {
            return OptionalLong.of(cell.inUse);
        }
        Usage usage = snapshot.usage().get(name);
        return usage == null ? OptionalLong.empty() : OptionalLong.of(usage.inUse());
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Ends the tick thread and writes the peaks still pending (ignoring the once-a-minute rule: it is the last). */
    void stop() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tick(true);
        synchronized (this) {
            stopped = true;
        }
    }

    private void tickQuietly() {
        try {
            tick(false);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep the meter alive.
            LOG.log(Level.ERROR, "The usage meter's tick failed", e);
        }
    }

    /**
     * Takes the cells' peaks, writes or reads the file when due, and publishes a new snapshot.
     *
     * @param writeAll write every pending peak now (at stop, and in tests)
     */
    synchronized void tick(boolean writeAll) {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Map<String, Long> limitsNow = limits.get();
        boolean changed = !today.equals(builtFor) || !limitsNow.equals(builtWith);
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            long peak = e.getValue().peakSinceTick.getAndSet(-1);
            if (peak >= 0) {
                pending.computeIfAbsent(e.getKey(), n -> new TreeMap<>()).merge(today, peak, Math::max);
                changed = true;
            }
        }
        List<UsageDay> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Map<LocalDate, Long>>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Map<LocalDate, Long>> e = it.next();
            Instant written = lastWrite.get(e.getKey());
            if (writeAll || written == null || !now.isBefore(written.plus(WRITE_INTERVAL))) {
                e.getValue().forEach((day, peak) -> due.add(new UsageDay(day, e.getKey(), peak,
                        limitOf(limitsNow, e.getKey()))));
            }
        }
        try {
            if (!due.isEmpty()) {
                days = file.merge(due, today);
                lastRead = now;
                for (UsageDay d : due) {
                    lastWrite.put(d.name(), now);
                    pending.remove(d.name());
                }
                changed = true;
            } else if (!now.isBefore(lastRead.plus(WRITE_INTERVAL))) {
                days = file.read();
                lastRead = now;
                changed = true;
            }
        } catch (StoreException e) {
            // Kept pending and tried again at the next tick; logged now and then, not every second.
            lastRead = now;
            if (!now.isBefore(lastFailureLogged.plus(FAILURE_LOG_INTERVAL))) {
                lastFailureLogged = now;
                LOG.log(Level.WARNING, "Usage peaks could not be kept in usage.csv, tried again: {0}", e.getMessage());
            }
        }
        if (changed) {
            snapshot = build(today, limitsNow);
            builtFor = today;
            builtWith = limitsNow;
        }
    }

    private Snapshot build(LocalDate today, Map<String, Long> limitsNow) {
        Map<String, UsageDay> merged = new TreeMap<>();
        for (UsageDay d : days) {
            merged.put(d.date() + "," + d.name(), d);
        }
        pending.forEach((name, byDay) -> byDay.forEach((day, peak) -> merged.merge(day + "," + name,
                new UsageDay(day, name, peak, limitOf(limitsNow, name)), (a, b) -> a.withPeak(b.peak(), b.limit()))));
        List<UsageDay> all = List.copyOf(merged.values());
        TreeSet<String> names = new TreeSet<>();
        cells.forEach((name, cell) -> {
            if (cell.inUse >= 0) {
                names.add(name);
            }
        });
        LocalDate from = today.minusDays(PEAK_DAYS - 1L);
        all.stream().filter(d -> !d.date().isBefore(from)).forEach(d -> names.add(d.name()));
        Map<String, Usage> usage = new TreeMap<>();
        for (String name : names) {
            usage.put(name, usageOf(name, all, today, limitOf(limitsNow, name)));
        }
        return new Snapshot(Map.copyOf(usage), all);
    }

    private Usage usageOf(String name, List<UsageDay> all, LocalDate today, OptionalLong limit) {
        Map<LocalDate, Long> peaks = new TreeMap<>();
        for (UsageDay d : all) {
            if (d.name().equals(name)) {
                peaks.put(d.date(), d.peak());
            }
        }
        Cell cell = cells.get(name);
        long inUse;
        Instant reportedAt;
        if (cell != null && cell.inUse >= 0) {
            inUse = cell.inUse;
            reportedAt = Instant.ofEpochMilli(cell.reportedAtMillis);
            peaks.merge(today, inUse, Math::max);
        } else {
            LocalDate latest = ((TreeMap<LocalDate, Long>) peaks).lastKey();
            inUse = peaks.get(latest);
            reportedAt = fileTime().orElse(latest.atStartOfDay(clock.getZone()).toInstant());
        }
        long peak30d = inUse;
        LocalDate from = today.minusDays(PEAK_DAYS - 1L);
        for (Map.Entry<LocalDate, Long> e : peaks.entrySet()) {
            if (!e.getKey().isBefore(from) && !e.getKey().isAfter(today)) {
                peak30d = Math.max(peak30d, e.getValue());
            }
        }
        Optional<LocalDate> overSince = Optional.empty();
        if (limit.isPresent() && inUse > limit.getAsLong()) {
            LocalDate first = today;
            for (LocalDate day = today.minusDays(1); peaks.getOrDefault(day, -1L) > limit.getAsLong();
                    day = day.minusDays(1)) {
                first = day;
            }
            overSince = Optional.of(first);
        }
        return new Usage(name, inUse, limit, peak30d, reportedAt, overSince);
    }

    private Optional<Instant> fileTime() {
        try {
            return Optional.of(Files.getLastModifiedTime(file.path()).toInstant());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong limitOf(Map<String, Long> limits, String name) {
        Long limit = limits.get(name);
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }
}

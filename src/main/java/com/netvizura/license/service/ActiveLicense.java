package com.netvizura.license.service;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.store.ClockGuard;
import com.netvizura.license.store.HardwareGraceLedger;
import com.netvizura.license.store.HistoryEntry;
import com.netvizura.license.store.LicenseStore;
import com.netvizura.license.store.StoreException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The license in force on this server: the active key as last read from the data directory, its verdict for today,
 * and the history read with it.
 *
 * <p>The key is read and verified when first needed (right after the hardware probe at start), after an apply
 * ({@link #reload}), and when another process sharing the data directory changed it. Per call there is at most one
 * cheap check a second (the epoch in {@code state.properties}, the calendar day and the clock high-water mark), taken
 * by one thread while the others go on with the cached verdict.
 */
final class ActiveLicense {

    static final long POLL_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final System.Logger LOG = System.getLogger(ActiveLicense.class.getName());

    private final LicenseStore store;
    private final LicenseKeyVerifier verifier;
    private final LicenseEvaluator evaluator;
    private final ClockGuard clockGuard;
    private final HistoryReader historyReader;
    private final HardwareGraceLedger hardwareGrace;
    private final Clock clock;
    private final Object reloadLock = new Object();
    private final ReentrantLock pollLock = new ReentrantLock();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private volatile long nextPollNanos;

    /**
     * What was read from disk last, and its verdict as of {@code day}, evaluated or confirmed at {@code checkedAt};
     * {@code firstMismatch} is the recorded first day the key did not match this server (section 13).
     */
    private record Snapshot(Optional<License> license, String invalidReason, long epoch, LocalDate day, Verdict verdict,
            Instant checkedAt, HistoryReader.History history, Optional<LocalDate> firstMismatch) {

        Snapshot confirmed(LocalDate today, Judged now, Instant at) {
            return new Snapshot(license, invalidReason, epoch, today, now.verdict(), at, history, now.firstMismatch());
        }
    }

    /** A verdict with the first day of a mismatch it counted from. */
    private record Judged(Verdict verdict, Optional<LocalDate> firstMismatch) {
    }

    /** The verified active license (empty without one, or when it does not verify) and the epoch it was read at. */
    record Current(Optional<License> license, long epoch) {
    }

    /**
     * Reads nothing yet: the active key of {@code store} is read and verified on the first call that needs it (the
     * service makes one on the probe's thread right after probing), because its verdict may need this machine's
     * facts, which are probed while the application starts.
     */
    ActiveLicense(LicenseStore store, LicenseKeyVerifier verifier, LicenseEvaluator evaluator, Clock clock) {
        this.store = store;
        this.verifier = verifier;
        this.evaluator = evaluator;
        this.clockGuard = store.clockGuard();
        this.clock = clock;
        this.historyReader = new HistoryReader(store, verifier);
        this.hardwareGrace = store.hardwareGraceLedger();
    }

    Verdict verdict() {
        return current().verdict();
    }

    long epoch() {
        return current().epoch();
    }

    /** The calendar day (in the clock's zone) the cached verdict is for. */
    LocalDate today() {
        return current().day();
    }

    /** When the cached verdict was last evaluated or confirmed. */
    Instant checkedAt() {
        return current().checkedAt();
    }

    /** The verified active license, empty without one or when the key on disk does not verify. */
    Optional<License> license() {
        return current().license();
    }

    /**
     * The verified active license as last read, without waiting: empty also while nothing was read yet (the first read
     * waits for the hardware probe). For the usage meter's limits, which a second later are asked again.
     */
    Optional<License> licenseIfRead() {
        Snapshot s = snapshot.get();
        return s == null ? Optional.empty() : s.license();
    }

    /**
     * The active license as on disk now, with its epoch: what a new key is compared with. Reads the epoch (one small
     * file) and reloads when another process changed the key since the cached read; an apply that is confirmed
     * against this epoch is refused when the epoch moved on by then.
     */
    Current fresh() {
        Snapshot s = loaded();
        try {
            if (store.readEpochFromDisk() != s.epoch()) {
                reload();
                s = snapshot.get();
            }
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not check the license data directory for changes: " + e.getMessage(), e);
        }
        return new Current(s.license(), s.epoch());
    }

    /** Previously active keys, oldest first (read from disk with the key, not per call). */
    List<PreviousKey> history() throws LicenseDataException {
        HistoryReader.History h = current().history();
        if (h.problem() != null) {
            throw new LicenseDataException(h.problem());
        }
        return h.entries();
    }

    /**
     * The bytes of the history file {@code fileName}, when it is one of the history as last read (the name is only
     * looked up in that list, never turned into a path); empty for any other name.
     */
    Optional<byte[]> previousKey(String fileName) throws LicenseDataException {
        HistoryEntry entry = fileName == null ? null : current().history().files().get(fileName);
        if (entry == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(entry.readKey());
        } catch (StoreException e) {
            throw new LicenseDataException(e);
        }
    }

    /**
     * Reads the epoch, then the key (that order never pairs a new epoch with an old key), verifies the key and
     * evaluates it. Reloads are serialized, so a later one always reads a later state.
     *
     * @return the verdict now in force
     */
    Verdict reload() {
        synchronized (reloadLock) {
            Instant now = clock.instant();
            try {
                long epoch = store.readEpochFromDisk();
                Optional<byte[]> bytes = store.activeKey();
                Optional<License> license = Optional.empty();
                String invalidReason = null;
                if (bytes.isPresent()) {
                    try {
                        license = Optional.of(verifier.verify(bytes.get()));
                    } catch (LicenseKeyException e) {
                        invalidReason = e.getMessage();
                        LOG.log(Level.WARNING, "The active license key in [{0}] no longer verifies: {1}",
                                store.directory(), invalidReason);
                    }
                }
                Optional<LocalDate> firstMismatch = license.isPresent() && license.get().hardwareGraceDays() > 0
                        ? hardwareGrace.firstMismatch(license.get().id()) : Optional.empty();
                Judged judged = evaluate(license, invalidReason, now, firstMismatch);
                snapshot.set(new Snapshot(license, invalidReason, epoch, LocalDate.now(clock), judged.verdict(), now,
                        historyReader.read(bytes.orElse(null)), judged.firstMismatch()));
            } catch (StoreException e) {
                // Fail closed: an unreadable data directory means no usable license, said plainly.
                LOG.log(Level.ERROR, "Could not read the license data directory: " + e.getMessage(), e);
                Snapshot before = snapshot.get();
                long epoch = before == null ? 0 : before.epoch();
                snapshot.set(new Snapshot(Optional.empty(), e.getMessage(), epoch, LocalDate.now(clock),
                        evaluate(Optional.empty(), e.getMessage(), now, Optional.empty()).verdict(), now,
                        HistoryReader.History.unreadable(e), Optional.empty()));
            }
            return snapshot.get().verdict();
        }
    }

    private Snapshot current() {
        loaded();
        poll();
        return snapshot.get();
    }

    /** The snapshot, read first by the first caller; those that come meanwhile wait for that read. */
    private Snapshot loaded() {
        Snapshot s = snapshot.get();
        if (s == null) {
            synchronized (reloadLock) {
                s = snapshot.get();
                if (s == null) {
                    reload();
                    s = snapshot.get();
                }
            }
        }
        return s;
    }

    /** At most once a second, one thread checks whether the epoch, the day or the clock guard changes the verdict. */
    private void poll() {
        long now = System.nanoTime();
        if (now - nextPollNanos < 0 || !pollLock.tryLock()) {
            return;
        }
        try {
            nextPollNanos = now + POLL_INTERVAL_NANOS;
            Snapshot s = snapshot.get();
            if (store.readEpochFromDisk() != s.epoch()) {
                reload();
            } else {
                Instant at = clock.instant();
                // Only if no reload replaced it meanwhile: a reload's snapshot is newer than this confirmation.
                Judged v = evaluate(s.license(), s.invalidReason(), at, s.firstMismatch());
                snapshot.compareAndSet(s, s.confirmed(LocalDate.now(clock), v, at));
            }
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not check the license data directory for changes: " + e.getMessage(), e);
        } finally {
            pollLock.unlock();
        }
    }

    private Judged evaluate(Optional<License> license, String invalidReason, Instant now,
            Optional<LocalDate> firstMismatch) {
        Judged judged = invalidReason != null ? new Judged(evaluator.invalid(invalidReason), Optional.empty())
                : judgeActive(license, firstMismatch);
        Verdict v = judged.verdict();
        if (clockGuard.looksSetBack(now)) {
            v = v.withNote(Messages.get("service.clockSetBack", clockGuard.highWaterMark().toString()), Severity.WARNING);
        }
        return new Judged(v, judged.firstMismatch());
    }

    /**
     * The active license's verdict; the first time it is in hardware grace, the day is recorded for its license id
     * (another node's earlier day wins) and counted from. Fails closed: a day that cannot be recorded gives no grace,
     * since an unrecorded grace would start afresh at every restart.
     */
    private Judged judgeActive(Optional<License> license, Optional<LocalDate> firstMismatch) {
        Verdict v = evaluator.evaluateActive(license, firstMismatch);
        if (v.status() != LicenseStatus.HARDWARE_GRACE || firstMismatch.isPresent()) {
            return new Judged(v, firstMismatch);
        }
        String id = license.orElseThrow().id();
        try {
            Optional<LocalDate> recorded = Optional.of(hardwareGrace.recordFirstMismatch(id, LocalDate.now(clock)));
            LOG.log(Level.WARNING, "License [{0}] no longer matches this server; hardware grace counted from {1}: {2}",
                    id, recorded.get(), v.explanation());
            return new Judged(evaluator.evaluateActive(license, recorded), recorded);
        } catch (StoreException e) {
            LOG.log(Level.ERROR, "License [" + id + "]: " + e.getMessage(), e);
            return new Judged(evaluator.evaluate(license).withNote(
                    Messages.get("service.hardwareGrace.notRecorded", e.getMessage()), Severity.ERROR),
                    Optional.empty());
        }
    }
}

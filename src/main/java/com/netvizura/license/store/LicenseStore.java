package com.netvizura.license.store;

import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.Messages;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The license directory ({@code <home>/license}): the active key {@code license.key}, {@code history/},
 * {@code audit.log} and {@code state.properties} (DESIGN.md section 5), plus {@code .store.lock} for serializing
 * changes. Keys arrive already verified and evaluated; the store only keeps bytes safe.
 *
 * <p>An apply runs under the directory lock (JVM and file lock) in this order:
 * <ol>
 * <li>write the new key to a temp file in the license directory, fsync;</li>
 * <li>write a copy of the old key to a temp file in {@code history/}, fsync, {@code ATOMIC_MOVE} it to its final
 *     name, fsync {@code history/};</li>
 * <li><b>commit:</b> {@code ATOMIC_MOVE} the new temp file over {@code license.key}, fsync the directory;</li>
 * <li>append the audit line, fsync;</li>
 * <li>write {@code state.properties} (epoch + 1, SHA-256 of the new key) atomically.</li>
 * </ol>
 * Invariants, for a crash at any instant:
 * <ul>
 * <li>{@code license.key} is exactly the old or exactly the new key (it only ever changes by an atomic rename of a
 *     file that was forced to disk first);</li>
 * <li>the old key is never lost: before the commit it is active, and a complete copy is already in the history
 *     under its final name when the commit happens. A crash between steps 2 and 3 leaves an extra history copy of
 *     the still-active key; the next start (or apply) of any process on the directory removes it, audited
 *     ({@link CutOffRetirements} tells it from a real earlier key);</li>
 * <li>history files and {@code state.properties} are complete (same temp, fsync, rename);</li>
 * <li>a crash after the commit but before step 5 leaves a key whose SHA-256 differs from the recorded one; the
 *     next start (or apply) of any process on the directory raises the epoch and writes a
 *     {@link AuditEntry.Outcome#KEY_CHANGED_OUTSIDE_APPLY} line, so every change is counted and audited. The same
 *     happens when someone replaces {@code license.key} by hand;</li>
 * <li>temp files are removed at the next start (only the store's own {@code .store-*.tmp} pattern); keys never.</li>
 * </ul>
 * A failure before the commit (disk full, read-only, no atomic rename) throws {@link StoreException} and leaves the
 * old key active; there is no fallback to a non-atomic copy. A failure after the commit cannot undo the change, so
 * the outcome is {@code APPLIED} with a warning.
 *
 * <p>Readers take no lock: {@code license.key} is only ever replaced whole. Because the epoch is written after the
 * key, a reader that reads the epoch first and the key second never pairs a new epoch with an old key.
 *
 * <p>One class on purpose, although long: the crash invariants above hold only for the order of steps as a whole,
 * so the apply, the start-up repair that completes a cut-off apply, and the readers that rely on that order are kept
 * where one reading shows them together (the file-level pieces are its helpers: {@link StateFile},
 * {@link AuditLog}, {@link DirectoryLock}, {@link DurableFiles}).
 */
public final class LicenseStore {

    /** Larger files are not license keys (the verifier's cap); reading them whole would only waste memory. */
    public static final int MAX_KEY_BYTES = LicenseKeyVerifier.MAX_KEY_FILE_BYTES;
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(LicenseStore.class.getName());

    private final Path dir;
    private final Path keyFile;
    private final Path historyDir;
    private final StateFile stateFile;
    private final AuditLog auditLog;
    private final DirectoryLock lock;
    private final LicenseIdReader ids;
    private final Clock clock;
    private final ApplyStepListener listener;
    private final ClockGuard clockGuard;
    private volatile long epoch;

    private LicenseStore(Path dir, LicenseIdReader ids, Clock clock, ApplyStepListener listener,
                         Duration lockTimeout, AuditLog.Factory audit) {
        this.dir = dir;
        this.keyFile = dir.resolve("license.key");
        this.historyDir = dir.resolve("history");
        this.stateFile = new StateFile(dir.resolve("state.properties"));
        this.auditLog = audit.create(dir.resolve("audit.log"), clock);
        this.lock = new DirectoryLock(dir.resolve(".store.lock"), lockTimeout);
        this.ids = ids;
        this.clock = clock;
        this.listener = listener;
        StoreState state = readStateForStart();
        this.epoch = state.epoch();
        this.clockGuard = new ClockGuard(stateFile, lock, ClockGuard.DEFAULT_WRITE_INTERVAL, state.clockMark());
    }

    /**
     * Opens the license directory, creating it when missing, and repairs what a crash may have left: removes the
     * store's temp files and counts a key change whose apply was cut off. A directory that cannot be repaired
     * (read-only) still opens for reading; changes then fail with a clear message.
     *
     * @param licenseDir the directory {@code <home>/license}
     * @param ids        tells the license id of the key being retired, for its history file name
     */
    public static LicenseStore open(Path licenseDir, LicenseIdReader ids, Clock clock) throws StoreException {
        return open(licenseDir, ids, clock, ApplyStepListener.NONE, DEFAULT_LOCK_TIMEOUT);
    }

    static LicenseStore open(Path licenseDir, LicenseIdReader ids, Clock clock, ApplyStepListener listener,
                             Duration lockTimeout) throws StoreException {
        return open(licenseDir, ids, clock, listener, lockTimeout, AuditLog::new);
    }

    static LicenseStore open(Path licenseDir, LicenseIdReader ids, Clock clock, ApplyStepListener listener,
                             Duration lockTimeout, AuditLog.Factory audit) throws StoreException {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Path dir = licenseDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.resolve("history"));
        } catch (IOException e) {
            throw new StoreException("store.cannotCreateDirectory", e, dir, IoProblems.describe(e));
        }
        LicenseStore store = new LicenseStore(dir, ids, clock, listener, lockTimeout, audit);
        store.recoverAtStart();
        return store;
    }

    private StoreState readStateForStart() {
        try {
            return stateFile.read();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, e.getMessage(), e);
            return StoreState.EMPTY;
        }
    }

    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    private void recoverAtStart() {
        try (DirectoryLock.Held held = lock.acquire()) {
            int removed = DurableFiles.removeOwnTemps(dir) + DurableFiles.removeOwnTemps(historyDir);
            if (removed > 0) {
                LOG.log(Level.INFO, "Removed " + removed + " temp file(s) left in [" + dir + "] by an interrupted change");
            }
            if (auditLog.finishRollover() > 0) {
                LOG.log(Level.INFO, "Finished an audit log rollover in [" + dir + "] that was cut off");
            }
            StoreState state = stateFile.read();
            byte[] active = readActiveOrNull();
            if (!stateFile.exists()) {
                // Keys already in the history count as retired: none of them is taken for a cut-off copy later.
                state = new StoreState(0, sha256OrNull(active), state.clockMark(), newestHistoryTime());
                stateFile.write(state);
            } else {
                removeCutOffCopies(active, state);
                state = reconcile(active, state);
            }
            epoch = state.epoch();
        } catch (StoreException | IOException e) {
            LOG.log(Level.WARNING, "The license directory [" + dir + "] could not be checked after start; "
                    + "license changes will fail until it is writable: " + e.getMessage(), e);
        }
    }

    /**
     * Counts a change of {@code license.key} that no completed apply recorded (crash after the commit, or a file
     * replaced by hand): epoch + 1, audited. Caller holds the lock.
     */
    private StoreState reconcile(byte[] active, StoreState state) throws IOException {
        String sha = sha256OrNull(active);
        if (Objects.equals(sha, state.activeKeySha256())) {
            return state;
        }
        // The cut-off apply may have named a history file after the recorded last retirement: catch up, so that
        // the next name still sorts after it. Listing the history is fine here; this runs only after a crash.
        Instant newest = newestHistoryTime();
        StoreState repaired = state.withKeyChange(sha);
        if (newest != null && (state.lastRetiredAt() == null || newest.isAfter(state.lastRetiredAt()))) {
            repaired = repaired.withRetirement(newest);
        }
        auditLog.append(AuditEntry.of(clock.instant(), Actor.SYSTEM, AuditEntry.Action.RECOVER,
                active == null ? null : licenseIdOrNull(active), AuditEntry.Outcome.KEY_CHANGED_OUTSIDE_APPLY,
                Messages.get("store.keyChangedOutsideApply")));
        stateFile.write(repaired);
        return repaired;
    }

    /**
     * Removes the copies of the active key that an apply cut off before its commit left in the history (see
     * {@link CutOffRetirements}), one audit line each. Only while {@code license.key} is the key the state counts;
     * a failure is logged and leaves the copy: a duplicate, never a loss. Caller holds the lock.
     */
    private void removeCutOffCopies(byte[] active, StoreState state) {
        if (active == null || !Objects.equals(sha256OrNull(active), state.activeKeySha256())) {
            return;
        }
        try {
            List<HistoryEntry> copies = CutOffRetirements.copiesOfActiveKey(historyDir, active, state.lastRetiredAt());
            for (HistoryEntry copy : copies) {
                Files.delete(copy.file());
                String file = copy.file().getFileName().toString();
                auditLog.append(AuditEntry.of(clock.instant(), Actor.SYSTEM, AuditEntry.Action.RECOVER,
                        licenseIdOrNull(active), AuditEntry.Outcome.HISTORY_COPY_REMOVED,
                        Messages.get("store.cutOffCopyRemoved", file)));
                LOG.log(Level.INFO, "Removed [{0}] from the license history: a copy of the active key left by an "
                        + "apply that was cut off before it completed", copy.file());
            }
            if (!copies.isEmpty()) {
                DurableFiles.fsyncDirectory(historyDir);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove a copy of the active key from the license history [" + historyDir
                    + "]; it stays as a duplicate: " + e.getMessage(), e);
        }
    }

    private Instant newestHistoryTime() throws IOException {
        Instant newest = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(historyDir)) {
            for (Path file : files) {
                Optional<HistoryEntry> entry = HistoryNames.parse(file);
                if (entry.isPresent() && (newest == null || entry.get().retiredAt().isAfter(newest))) {
                    newest = entry.get().retiredAt();
                }
            }
        }
        return newest;
    }

    /**
     * Makes {@code key} the active key, keeping the previous one in the history.
     *
     * @param key       the verified key file, byte for byte as uploaded
     * @param licenseId its license id, for the audit log
     * @return {@code APPLIED} with the new epoch, or {@code ALREADY_ACTIVE} when these exact bytes are active
     * @throws StoreException when the key could not be put in place; the previous key is then still active
     */
    public ApplyOutcome apply(byte[] key, String licenseId, Actor actor) throws StoreException {
        return applyUnderLock(key, licenseId, actor, null, null);
    }

    /**
     * {@link #apply} only while the epoch is still {@code expectedEpoch}, checked under the directory lock: the
     * admin confirmed a key against the license active at that epoch, and a change since (here or by another process
     * sharing the directory) makes the confirmation void.
     *
     * @param note the reason written on the audit line, e.g. what the admin confirmed
     * @return {@code STALE} (nothing written, no audit line) when the epoch moved on, else as {@link #apply}
     */
    public ApplyOutcome applyIfUnchanged(byte[] key, String licenseId, Actor actor, long expectedEpoch, String note)
            throws StoreException {
        return applyUnderLock(key, licenseId, actor, expectedEpoch, note);
    }

    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    private ApplyOutcome applyUnderLock(byte[] key, String licenseId, Actor actor, Long expectedEpoch, String note)
            throws StoreException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(actor, "actor");
        if (key.length == 0 || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("ERROR_KEY_SIZE: pass the verified key bytes (1.."
                    + MAX_KEY_BYTES + " bytes), got " + key.length);
        }
        byte[] newKey = key.clone();
        try (DirectoryLock.Held held = lock.acquire()) {
            return applyLocked(newKey, licenseId, actor, expectedEpoch, note);
        }
    }

    private ApplyOutcome applyLocked(byte[] newKey, String licenseId, Actor actor, Long expectedEpoch, String note)
            throws StoreException {
        Instant now = clock.instant();
        StoreState state;
        Path newTemp = null;
        Path historyTemp = null;
        Path historyFile = null;
        Instant retiredAt = null;
        try {
            listener.reached(ApplyStep.LOCKED);
            byte[] oldKey = readActiveOrNull();
            StoreState onDisk = stateFile.read();
            removeCutOffCopies(oldKey, onDisk); // another process may have crashed mid-apply and not restarted yet
            state = reconcile(oldKey, onDisk);
            if (expectedEpoch != null && state.epoch() != expectedEpoch) {
                epoch = state.epoch();
                return new ApplyOutcome(ApplyOutcome.Result.STALE, state.epoch(), List.of());
            }
            if (oldKey != null && Arrays.equals(oldKey, newKey)) {
                auditLog.append(AuditEntry.of(now, actor, AuditEntry.Action.APPLY, licenseId,
                        AuditEntry.Outcome.ALREADY_ACTIVE, null));
                epoch = state.epoch();
                return new ApplyOutcome(ApplyOutcome.Result.ALREADY_ACTIVE, state.epoch(), List.of());
            }
            newTemp = DurableFiles.writeTemp(dir, newKey);
            listener.reached(ApplyStep.NEW_KEY_WRITTEN);
            if (oldKey != null) {
                historyTemp = DurableFiles.writeTemp(historyDir, oldKey);
                listener.reached(ApplyStep.HISTORY_COPY_WRITTEN);
                retiredAt = retirementTime(now, state.lastRetiredAt());
                historyFile = freeHistoryName(retiredAt, licenseIdOrNull(oldKey));
                DurableFiles.moveAtomically(historyTemp, historyFile);
                historyTemp = null;
                DurableFiles.fsyncDirectory(historyDir);
                listener.reached(ApplyStep.HISTORY_SAVED);
            }
            DurableFiles.moveAtomically(newTemp, keyFile);
            newTemp = null;
        } catch (IOException e) {
            DurableFiles.deleteQuietly(newTemp, e);
            DurableFiles.deleteQuietly(historyTemp, e);
            // The copy is of the key that is still active: removing it keeps the history free of duplicates.
            DurableFiles.deleteQuietly(historyFile, e);
            StoreException failure = IoProblems.applyFailed(dir, e);
            auditFailure(actor, licenseId, failure);
            throw failure;
        } catch (StoreException e) {
            auditFailure(actor, licenseId, e);
            throw e;
        }
        return finishAfterCommit(newKey, licenseId, actor, now, state.withRetirement(retiredAt), note);
    }

    /** The key is active now; what fails from here on is reported as a warning, it cannot undo the change. */
    private ApplyOutcome finishAfterCommit(byte[] newKey, String licenseId, Actor actor, Instant now,
                                           StoreState state, String note) {
        List<String> warnings = new ArrayList<>();
        try {
            DurableFiles.fsyncDirectory(dir);
            listener.reached(ApplyStep.KEY_REPLACED);
        } catch (IOException e) {
            warnings.add(Messages.get("store.appliedNotDurable", dir, IoProblems.describe(e)));
        }
        try {
            auditLog.append(AuditEntry.of(now, actor, AuditEntry.Action.APPLY, licenseId,
                    AuditEntry.Outcome.APPLIED, note));
            listener.reached(ApplyStep.AUDIT_WRITTEN);
        } catch (IOException e) {
            warnings.add(Messages.get("store.appliedAuditFailed", auditLog.path(), IoProblems.describe(e)));
        }
        StoreState next = state.withKeyChange(sha256OrNull(newKey));
        try {
            stateFile.write(next);
            listener.reached(ApplyStep.STATE_WRITTEN);
        } catch (IOException e) {
            warnings.add(Messages.get("store.appliedStateFailed", stateFile.path(), IoProblems.describe(e)));
        }
        epoch = next.epoch();
        for (String warning : warnings) {
            LOG.log(Level.WARNING, warning);
        }
        return new ApplyOutcome(ApplyOutcome.Result.APPLIED, next.epoch(), warnings);
    }

    private void auditFailure(Actor actor, String licenseId, StoreException failure) {
        try {
            auditLog.append(AuditEntry.of(clock.instant(), actor, AuditEntry.Action.APPLY, licenseId,
                    AuditEntry.Outcome.FAILED, failure.getMessage()));
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Now, but at least a millisecond after the previous retirement: history names then sort in retirement order
     * even for two applies in one millisecond or after the clock was set back.
     */
    private static Instant retirementTime(Instant now, Instant lastRetiredAt) {
        Instant t = now.truncatedTo(ChronoUnit.MILLIS);
        return lastRetiredAt == null || t.isAfter(lastRetiredAt) ? t : lastRetiredAt.plusMillis(1);
    }

    /** A history name not yet taken (the state file may lag behind after a crash). */
    private Path freeHistoryName(Instant retiredAt, String licenseId) {
        Instant t = retiredAt;
        Path candidate = historyDir.resolve(HistoryNames.name(t, licenseId));
        while (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            t = t.plusMillis(1);
            candidate = historyDir.resolve(HistoryNames.name(t, licenseId));
        }
        return candidate;
    }

    private String licenseIdOrNull(byte[] key) {
        try {
            return ids.licenseIdOf(key.clone()).orElse(null);
        } catch (RuntimeException e) {
            // The history file name is a convenience; an unreadable id must not block the apply.
            LOG.log(Level.WARNING, "Could not read the license id of the previous key", e);
            return null;
        }
    }

    /** Records an upload that verification or policy refused; {@code licenseId} is null when unknown. */
    public void recordRefusal(Actor actor, String licenseId, String reason) throws StoreException {
        record(actor, licenseId, AuditEntry.Outcome.REFUSED, Objects.requireNonNull(reason, "reason"));
    }

    /** Records a key that waits for the admin's confirmation because it gives less; {@code reason} says what. */
    public void recordHeld(Actor actor, String licenseId, String reason) throws StoreException {
        record(actor, licenseId, AuditEntry.Outcome.HELD, Objects.requireNonNull(reason, "reason"));
    }

    /** Records that the admin cancelled a held key. */
    public void recordCancelled(Actor actor, String licenseId, String reason) throws StoreException {
        record(actor, licenseId, AuditEntry.Outcome.CANCELLED, reason);
    }

    /** One audit line about a key that changed nothing (the only file such a decision touches is the audit log). */
    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    private void record(Actor actor, String licenseId, AuditEntry.Outcome outcome, String reason)
            throws StoreException {
        Objects.requireNonNull(actor, "actor");
        try (DirectoryLock.Held held = lock.acquire()) {
            auditLog.append(AuditEntry.of(clock.instant(), actor, AuditEntry.Action.APPLY, licenseId, outcome, reason));
        } catch (IOException e) {
            throw new StoreException("store.auditFailed", e, auditLog.path(), IoProblems.describe(e));
        }
    }

    /** The active key, byte for byte, or empty when none was ever applied. Read from disk on every call. */
    public Optional<byte[]> activeKey() throws StoreException {
        try {
            return Optional.ofNullable(readActiveOrNull());
        } catch (IOException e) {
            throw new StoreException("store.readFailed", e, keyFile, IoProblems.describe(e));
        }
    }

    private byte[] readActiveOrNull() throws IOException, StoreException {
        try {
            if (Files.size(keyFile) > MAX_KEY_BYTES) {
                throw new StoreException("store.keyTooLarge", null, keyFile, MAX_KEY_BYTES);
            }
            return Files.readAllBytes(keyFile);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Previously active keys, oldest first. Lists the directory; call it for display, not on every request. */
    public List<HistoryEntry> history() throws StoreException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(historyDir)) {
            for (Path file : files) {
                HistoryNames.parse(file).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new StoreException("store.readFailed", e, historyDir, IoProblems.describe(e));
        }
        entries.sort(Comparator.comparing(e -> e.file().getFileName().toString()));
        return entries;
    }

    /** Every audit line, oldest first (a line cut off by a crash is skipped, see {@link AuditLog}). */
    public List<AuditEntry> auditLog() throws StoreException {
        return auditLog.read();
    }

    /**
     * The audit lines that made a key active (applies, and changes found at start), oldest first, rolled-over parts
     * included: the History's "applied by". Reads {@code audit.log} and only the parts not read before.
     */
    public List<AuditEntry> keyActivations() throws StoreException {
        return auditLog.keyActivations();
    }

    /** The epoch as this process last saw it: no disk access. */
    public long epoch() {
        return epoch;
    }

    /**
     * Reads the epoch from {@code state.properties} (a small file, no lock), so that a process notices a change
     * made by another one sharing the directory. Poll it, then read the key: never the other way round.
     */
    public long readEpochFromDisk() throws StoreException {
        long onDisk = stateFile.read().epoch();
        epoch = onDisk;
        return onDisk;
    }

    /** The clock guard of this directory, writing the mark at most every 5 minutes. */
    public ClockGuard clockGuard() {
        return clockGuard;
    }

    /** A clock guard with another write interval (one per process is enough). */
    public ClockGuard clockGuard(Duration writeInterval) throws StoreException {
        return new ClockGuard(stateFile, lock, writeInterval, stateFile.read().clockMark());
    }

    /** What reminder mails were sent and claimed, kept in {@code state.properties} beside the epoch. */
    public ReminderLedger reminderLedger() {
        return new ReminderLedger(stateFile, lock);
    }

    /** The first day each license id's key stopped matching this server, kept in {@code state.properties}. */
    public HardwareGraceLedger hardwareGraceLedger() {
        return new HardwareGraceLedger(stateFile, lock);
    }

    /** {@code usage.csv} of this directory, merged under the directory lock. */
    public UsageFile usageFile() {
        return new UsageFile(dir.resolve("usage.csv"), lock);
    }

    /** The license directory this store works on. */
    public Path directory() {
        return dir;
    }

    private static String sha256OrNull(byte[] key) {
        return key == null ? null : KeyDigest.sha256(key);
    }
}

package com.netvizura.license.store;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which reminder mails were sent, kept in {@code state.properties} so that every node sharing the data directory and
 * every restart knows: per license id the thresholds done, the claim of the node sending one right now, and the last
 * reminder sent and the last that failed (for the License page).
 *
 * <p>One node sends: {@link #claim} takes a threshold under the directory lock, the node sends without holding the
 * lock (a mail server may take seconds), and then records the outcome under the lock again. A failed send releases
 * the claim, so the next check of any node tries again; a node that dies between claim and outcome leaves a claim
 * that others ignore only until it is older than the lease. A mail whose outcome could not be recorded may be sent
 * once more after the lease: a duplicate rather than a reminder lost.
 *
 * <p>Entries, below {@code reminder.}: {@code <license id>.done} (thresholds, comma-separated),
 * {@code <license id>.claim} ({@code <threshold> <node> <instant>}), {@code last.sent.*} and {@code last.failed.*}
 * ({@code at}, {@code licenseId}, {@code threshold}, and {@code reason} of a failure).
 */
public final class ReminderLedger {

    private static final String PREFIX = StateFile.REMINDER_PREFIX;
    private static final String DONE = ".done";
    private static final String CLAIM = ".claim";
    private static final String SENT = PREFIX + "last.sent.";
    private static final String FAILED = PREFIX + "last.failed.";
    private static final Pattern THRESHOLD = Pattern.compile("[a-z0-9-]+");
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9-]+");

    /** A threshold taken by {@code node} at {@code claimedAt}: that node sends it now. */
    public record Claim(String licenseId, String threshold, String node, Instant claimedAt) {
        public Claim {
            Objects.requireNonNull(licenseId, "licenseId");
            Objects.requireNonNull(claimedAt, "claimedAt");
            requireName(THRESHOLD, threshold, "threshold");
            requireName(NODE, node, "node");
        }
    }

    /** A reminder sent, or one that failed with {@code reason} (null when sent). */
    public record Event(Instant at, String licenseId, String threshold, String reason) {
        public Event {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(licenseId, "licenseId");
            Objects.requireNonNull(threshold, "threshold");
        }
    }

    /** The last reminder sent and the last one that failed, by any node. */
    public record Events(Optional<Event> lastSent, Optional<Event> lastFailed) {
    }

    private final StateFile stateFile;
    private final DirectoryLock lock;

    ReminderLedger(StateFile stateFile, DirectoryLock lock) {
        this.stateFile = stateFile;
        this.lock = lock;
    }

    /**
     * Takes {@code threshold} of {@code licenseId} for {@code node}, unless it is done already or another claim on the
     * license is younger than {@code lease}.
     *
     * @return the claim to send under, or empty when there is nothing for this node to send
     * @throws StoreException when the state cannot be read or written; send nothing then, it could not be remembered
     */
    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    public Optional<Claim> claim(String licenseId, String threshold, String node, Instant now, Duration lease)
            throws StoreException {
        Claim claim = new Claim(licenseId, threshold, node, now);
        try (DirectoryLock.Held held = lock.acquire()) {
            StoreState state = stateFile.read();
            Map<String, String> entries = new TreeMap<>(state.reminders());
            if (done(entries, licenseId).contains(threshold)) {
                return Optional.empty();
            }
            Optional<Claim> current = claimOf(entries, licenseId);
            if (current.isPresent() && current.get().claimedAt().plus(lease).isAfter(now)) {
                return Optional.empty();
            }
            entries.put(PREFIX + licenseId + CLAIM, threshold + " " + node + " " + now);
            write(state.withReminders(entries));
            return Optional.of(claim);
        }
    }

    /** The claimed reminder went out: {@code done} (the claimed threshold and those it made needless) are done. */
    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    public void recordSent(Claim claim, Collection<String> done, Instant at) throws StoreException {
        try (DirectoryLock.Held held = lock.acquire()) {
            StoreState state = stateFile.read();
            Map<String, String> entries = new TreeMap<>(state.reminders());
            Set<String> all = done(entries, claim.licenseId());
            all.add(claim.threshold());
            for (String threshold : done) {
                requireName(THRESHOLD, threshold, "threshold");
                all.add(threshold);
            }
            entries.put(PREFIX + claim.licenseId() + DONE, String.join(",", all));
            release(entries, claim);
            putEvent(entries, SENT, new Event(at, claim.licenseId(), claim.threshold(), null));
            write(state.withReminders(entries));
        }
    }

    /** The claimed reminder could not be sent: the claim is released, so the next check tries again. */
    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    public void recordFailed(Claim claim, String reason, Instant at) throws StoreException {
        Objects.requireNonNull(reason, "reason");
        try (DirectoryLock.Held held = lock.acquire()) {
            StoreState state = stateFile.read();
            Map<String, String> entries = new TreeMap<>(state.reminders());
            release(entries, claim);
            putEvent(entries, FAILED, new Event(at, claim.licenseId(), claim.threshold(), reason));
            write(state.withReminders(entries));
        }
    }

    /** The thresholds of {@code licenseId} that are done. Reads the file; no lock needed. */
    public Set<String> done(String licenseId) throws StoreException {
        return done(stateFile.read().reminders(), licenseId);
    }

    /** The last reminder sent and the last that failed. Reads the file; no lock needed. */
    public Events events() throws StoreException {
        Map<String, String> entries = stateFile.read().reminders();
        return new Events(event(entries, SENT), event(entries, FAILED));
    }

    private static Set<String> done(Map<String, String> entries, String licenseId) {
        String list = entries.get(PREFIX + licenseId + DONE);
        Set<String> done = new LinkedHashSet<>();
        if (list != null) {
            Arrays.stream(list.split(",")).map(String::strip).filter(t -> THRESHOLD.matcher(t).matches())
                    .forEach(done::add);
        }
        return done;
    }

    /** The claim on {@code licenseId}; one that cannot be read counts as none (a hand-edited file must not block). */
    private static Optional<Claim> claimOf(Map<String, String> entries, String licenseId) {
        String value = entries.get(PREFIX + licenseId + CLAIM);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.strip().split(" ");
        try {
            return parts.length == 3 ? Optional.of(new Claim(licenseId, parts[0], parts[1], Instant.parse(parts[2])))
                    : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Removes {@code claim} unless another node has taken the license over meanwhile (after the lease). */
    private static void release(Map<String, String> entries, Claim claim) {
        Optional<Claim> current = claimOf(entries, claim.licenseId());
        if (current.isEmpty() || current.get().node().equals(claim.node())) {
            entries.remove(PREFIX + claim.licenseId() + CLAIM);
        }
    }

    private static void putEvent(Map<String, String> entries, String prefix, Event event) {
        entries.put(prefix + "at", event.at().toString());
        entries.put(prefix + "licenseId", event.licenseId());
        entries.put(prefix + "threshold", event.threshold());
        if (event.reason() == null) {
            entries.remove(prefix + "reason");
        } else {
            entries.put(prefix + "reason", event.reason());
        }
    }

    private static Optional<Event> event(Map<String, String> entries, String prefix) {
        String at = entries.get(prefix + "at");
        String licenseId = entries.get(prefix + "licenseId");
        String threshold = entries.get(prefix + "threshold");
        if (at == null || licenseId == null || threshold == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Event(Instant.parse(at.strip()), licenseId, threshold.strip(),
                    entries.get(prefix + "reason")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void write(StoreState state) throws StoreException {
        try {
            stateFile.write(state);
        } catch (IOException e) {
            throw new StoreException("store.reminderFailed", e, stateFile.path(), IoProblems.describe(e));
        }
    }

    private static void requireName(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("ERROR_REMINDER_" + what.toUpperCase(java.util.Locale.ROOT)
                    + ": pass a " + what + " of the characters " + pattern + ", got [" + value + "]");
        }
    }
}

package com.netvizura.license.store;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The first day this server was seen not to match a key's Installation Code, per license id (DESIGN.md section 13),
 * kept in {@code state.properties} as {@code hardwareGrace.<license id>.firstMismatch=YYYY-MM-DD}. Every node sharing
 * the data directory and every restart counts the hardware grace from that one day, and the day is never removed or
 * moved: the grace is given once per license id.
 */
public final class HardwareGraceLedger {

    private static final String FIRST_MISMATCH = ".firstMismatch";
    /**
     * A value that cannot be read (edited by hand) counts as a grace used up long ago: a damaged file must not give a
     * second grace.
     */
    static final LocalDate UNREADABLE = LocalDate.EPOCH;

    private final StateFile stateFile;
    private final DirectoryLock lock;

    HardwareGraceLedger(StateFile stateFile, DirectoryLock lock) {
        this.stateFile = stateFile;
        this.lock = lock;
    }

    /** The recorded first day of a mismatch for {@code licenseId}, empty when none was seen. Reads the file. */
    public Optional<LocalDate> firstMismatch(String licenseId) throws StoreException {
        return firstMismatch(stateFile.read().reminders(), licenseId);
    }

    /**
     * Records {@code today} as the first day of a mismatch for {@code licenseId}, unless a day is recorded already
     * (by this node earlier or by another one): that day stays.
     *
     * @return the day now recorded
     * @throws StoreException when the state cannot be read or written
     */
    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    public LocalDate recordFirstMismatch(String licenseId, LocalDate today) throws StoreException {
        Objects.requireNonNull(licenseId, "licenseId");
        Objects.requireNonNull(today, "today");
        try (DirectoryLock.Held held = lock.acquire()) {
            StoreState state = stateFile.read();
            Optional<LocalDate> recorded = firstMismatch(state.reminders(), licenseId);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            Map<String, String> entries = new TreeMap<>(state.reminders());
            entries.put(name(licenseId), today.toString());
            try {
                stateFile.write(state.withReminders(entries));
            } catch (IOException e) {
                throw new StoreException("store.hardwareGraceFailed", e, stateFile.path(), IoProblems.describe(e));
            }
            return today;
        }
    }

    private static Optional<LocalDate> firstMismatch(Map<String, String> entries, String licenseId) {
        String value = entries.get(name(licenseId));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.of(UNREADABLE);
        }
    }

    private static String name(String licenseId) {
        return StateFile.HARDWARE_GRACE_PREFIX + licenseId + FIRST_MISMATCH;
    }
}

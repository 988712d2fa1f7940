package com.netvizura.license.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the latest time this installation has seen (the clock high-water mark in {@code state.properties}) and
 * tells whether a clock reading lies more than 24 hours behind it, the sign of a clock set back to stretch a
 * time-limited license. It only reports: it never changes a license, and the mark never moves backwards.
 *
 * <p>The mark is written only when it has advanced by at least the write interval (default 5 minutes), not on
 * every call, so that frequent checks cost no disk writes. A failed write is logged and retried one interval later.
 */
public final class ClockGuard {

    /** A clock this far behind the mark counts as set back; less is ordinary drift or a time-zone mistake. */
    public static final Duration SET_BACK_TOLERANCE = Duration.ofHours(24);
    public static final Duration DEFAULT_WRITE_INTERVAL = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(ClockGuard.class.getName());

    private final StateFile stateFile;
    private final DirectoryLock lock;
    private final Duration writeInterval;
    private Instant mark;
    private Instant persisted;
    private int writes;

    ClockGuard(StateFile stateFile, DirectoryLock lock, Duration writeInterval, Instant markOnDisk) {
        if (writeInterval.isNegative()) {
            throw new IllegalArgumentException("ERROR_NEGATIVE_WRITE_INTERVAL: pass a write interval >= 0");
        }
        this.stateFile = stateFile;
        this.lock = lock;
        this.writeInterval = writeInterval;
        this.mark = markOnDisk;
        this.persisted = markOnDisk;
    }

    /** Records {@code now} and answers whether it is more than 24 hours behind the latest time seen. */
    public synchronized boolean looksSetBack(Instant now) {
        if (mark == null || now.isAfter(mark)) {
            mark = now;
        }
        if (persisted == null || !mark.isBefore(persisted.plus(writeInterval))) {
            persist();
        }
        return now.isBefore(mark.minus(SET_BACK_TOLERANCE));
    }

    /** The latest time seen so far, by this process or (as of the last write) by others sharing the directory. */
    public synchronized Instant highWaterMark() {
        return mark;
    }

    /** How many times the mark was written (for tests). */
    synchronized int writes() {
        return writes;
    }

    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    private void persist() {
        Instant target = mark;
        try (DirectoryLock.Held held = lock.acquire()) {
            StoreState state = stateFile.read();
            // Another process may have recorded a later time: keep the larger one.
            if (state.clockMark() != null && state.clockMark().isAfter(target)) {
                target = state.clockMark();
            } else {
                stateFile.write(state.withClockMark(target));
                writes++;
            }
            mark = target;
        } catch (StoreException | IOException e) {
            LOG.log(Level.WARNING, "The clock high-water mark could not be saved in [" + stateFile.path()
                    + "]; retrying in " + writeInterval.toMinutes() + " minutes", e);
        }
        persisted = target;
    }
}

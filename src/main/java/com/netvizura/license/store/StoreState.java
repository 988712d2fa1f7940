package com.netvizura.license.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of {@code state.properties}.
 *
 * @param epoch           license-change counter, +1 for every change of the active key
 * @param activeKeySha256 SHA-256 (hex) of the key the epoch counts, or null when no key was active; a different
 *                        {@code license.key} means an apply was cut off after its commit or the file was replaced by
 *                        hand, and the store repairs the epoch
 * @param clockMark       the latest clock reading recorded, or null before the first one
 * @param lastRetiredAt   the time in the newest history file name, or null before the first one; the next one is
 *                        later, so that history names sort in the order the keys were retired
 * @param reminders       the {@code reminder.*} entries of {@link ReminderLedger} and the {@code hardwareGrace.*}
 *                        entries of {@link HardwareGraceLedger}, by property name; every other write keeps them
 */
record StoreState(long epoch, String activeKeySha256, Instant clockMark, Instant lastRetiredAt,
                  SortedMap<String, String> reminders) {

    static final StoreState EMPTY = new StoreState(0, null, null, null);

    StoreState {
        reminders = Collections.unmodifiableSortedMap(new TreeMap<>(reminders));
    }

    StoreState(long epoch, String activeKeySha256, Instant clockMark, Instant lastRetiredAt) {
        this(epoch, activeKeySha256, clockMark, lastRetiredAt, new TreeMap<>());
    }

    StoreState withKeyChange(String newKeySha256) {
        return new StoreState(epoch + 1, newKeySha256, clockMark, lastRetiredAt, reminders);
    }

    StoreState withRetirement(Instant retiredAt) {
        return retiredAt == null ? this : new StoreState(epoch, activeKeySha256, clockMark, retiredAt, reminders);
    }

    StoreState withClockMark(Instant mark) {
        return new StoreState(epoch, activeKeySha256, mark, lastRetiredAt, reminders);
    }

    StoreState withReminders(Map<String, String> entries) {
        return new StoreState(epoch, activeKeySha256, clockMark, lastRetiredAt, new TreeMap<>(entries));
    }
}

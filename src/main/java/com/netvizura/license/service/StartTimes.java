package com.netvizura.license.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * How long each part of the service's start took, for its start-up log line: the plugin's own share of a
 * deployment, which an admin otherwise cannot tell apart from Weld's, Mojarra's and PrimeFaces'. A lap timer on the
 * monotonic clock ({@link System#nanoTime}, never the wall clock, which may be set meanwhile); used by the one thread
 * that starts the service.
 */
final class StartTimes {

    private final long begin = System.nanoTime();
    private final Map<String, Long> laps = new LinkedHashMap<>();
    private long last = begin;

    /** Ends the lap called {@code part}, begun where the previous one ended. */
    void lap(String part) {
        long now = System.nanoTime();
        laps.merge(part, now - last, Long::sum);
        last = now;
    }

    /** Since this timer was made, in ms. */
    long totalMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    }

    /** The laps in the order they ran, e.g. {@code trusted keys 12 ms, data directory 30 ms}. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ");
        laps.forEach((part, nanos) -> text.add(part + " " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms"));
        return text.toString();
    }
}

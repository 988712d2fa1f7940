package com.netvizura.license.web.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Which refused (401) calls of an endpoint that writes get a log line: the first from an address, then at most one a
 * minute from it, so that a script with a wrong token, or someone guessing, cannot fill the log. Remembers at most
 * {@value #MAX_ADDRESSES} addresses; past that it starts afresh (a flood from many addresses gets a line per address
 * and minute at most, never unbounded memory).
 */
final class RefusedCalls {

    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    static final int MAX_ADDRESSES = 10_000;

    private final LongSupplier nanoTime;
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    RefusedCalls(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether a refused call from {@code address} now should be logged. */
    boolean shouldLog(String address) {
        long now = nanoTime.getAsLong();
        if (lastLogged.size() >= MAX_ADDRESSES) {
            lastLogged.clear();
        }
        boolean[] log = {false};
        lastLogged.compute(String.valueOf(address), (a, last) -> {
            if (last == null || now - last >= INTERVAL_NANOS) {
                log[0] = true;
                return now;
            }
            return last;
        });
        return log[0];
    }
}

package com.netvizura.license.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A refused call is logged at most once a minute per address, so a wrong token cannot fill the log. */
class RefusedCallsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RefusedCalls calls = new RefusedCalls(now::get);

    @Test
    void shouldLog_firstCallOfAnAddress_thenOnlyAfterAMinute() {
        assertTrue(calls.shouldLog("192.0.2.7"));
        assertFalse(calls.shouldLog("192.0.2.7"));
        assertTrue(calls.shouldLog("192.0.2.8"), "another address has its own minute");

        now.addAndGet(RefusedCalls.INTERVAL_NANOS - 1);
        assertFalse(calls.shouldLog("192.0.2.7"));
        now.addAndGet(1);
        assertTrue(calls.shouldLog("192.0.2.7"));
    }

    @Test
    void shouldLog_manyAddresses_keepsMemoryBounded_andStillLogsEachOnce() {
        int addresses = RefusedCalls.MAX_ADDRESSES * 2 - 1;
        for (int i = 0; i < addresses; i++) {
            assertTrue(calls.shouldLog(address(i)));
        }
        assertFalse(calls.shouldLog(address(addresses - 1)), "the newest address is still remembered");
    }

    private static String address(int i) {
        return "10.0." + (i >> 8) + "." + (i & 255);
    }
}

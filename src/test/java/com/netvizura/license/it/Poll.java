package com.netvizura.license.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for something another thread, process or node does (a Tomcat start, a key applied on another node, a
 * session reset), always with a time limit: the one polling loop of the tests and benches, so that none of them can
 * wait forever and each says what it waited for when time runs out.
 */
public final class Poll {

    private Poll() {
    }

    /**
     * Asks {@code probe} every {@code interval} until {@code done} accepts its answer or {@code timeout} has passed;
     * returns the last answer either way, so that the caller's assertion on it shows what was seen last.
     */
    public static <T> T lastAnswer(Duration timeout, Duration interval, Supplier<T> probe, Predicate<T> done) {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            T answer = probe.get();
            if (done.test(answer) || System.nanoTime() - until > 0) {
                return answer;
            }
            pause(interval);
        }
    }

    /** Whether {@code condition} became true within {@code timeout}, checked every {@code interval}. */
    public static boolean within(Duration timeout, Duration interval, BooleanSupplier condition) {
        return lastAnswer(timeout, interval, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Waits until {@code condition} holds; fails with "{@code what} within {@code timeout}" otherwise. */
    public static void until(Duration timeout, Duration interval, String what, BooleanSupplier condition) {
        if (!within(timeout, interval, condition)) {
            throw new AssertionError(what + " within " + timeout);
        }
    }

    /**
     * A fixed wait where no answer can tell that the moment has come (e.g. past another node's poll interval, to see
     * that nothing changed). An interrupt ends it with an exception, with the thread's interrupt flag set again.
     */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}

package com.netvizura.license.machine;

/**
 * Reads this machine's identifying facts. Probing is slow (a fraction of a second, more on a loaded host):
 * call it once at start-up, away from request threads, and keep the result.
 */
@FunctionalInterface
public interface HardwareProbe {

    /** The facts seen now; a component the machine does not report is {@code null}, never an exception. */
    MachineFacts probe();

    /**
     * Ends whatever probing left running (threads, native resources); called once, when the application stops.
     * After it the probe is not used again.
     */
    default void release() {
    }
}

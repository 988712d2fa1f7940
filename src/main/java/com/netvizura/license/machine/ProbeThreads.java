package com.netvizura.license.machine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The threads that probing with OSHI leaves running, and how to leave none of them holding this application when it
 * stops. A thread keeps every class of the class loader that loaded its own class, and of the one it names as its
 * context class loader, in memory; in a web application either one pins the whole undeployed application.
 * <ul>
 * <li>JNA's {@code JNA Cleaner} daemon, started on OSHI's first native call, frees native memory and never ends
 *     while any is registered (JNA issue 1521, OSHI issue 3053). Its class comes from the application's JNA, so it
 *     must end: it leaves its loop when interrupted. Only the thread of the JNA that {@code owner} loaded is touched
 *     (a JNA shared in the container's {@code lib/} serves other applications too), and only when the application
 *     stops: JNA starts no second one afterwards, so native memory registered later would not be freed.</li>
 * <li>The JDK's {@code process reaper}, started when OSHI runs a command ({@code dmidecode}, {@code lshal} where
 *     sysfs says nothing), takes the context class loader of the thread that started the first command and is
 *     reused by later ones, of later deployments too, until it has been idle for a minute. It is a JDK thread of
 *     the system thread group, so Tomcat neither stops it nor warns about it. It needs no class loader at all; it
 *     gets the application loader's parent, as if the container had started it.</li>
 * </ul>
 */
final class ProbeThreads {

    static final String JNA_CLEANER_CLASS = "com.sun.jna.internal.Cleaner$CleanerThread";

    private ProbeThreads() {
    }

    /**
     * Interrupts the JNA cleaner threads whose class {@code owner} loaded and waits up to {@code wait} for each.
     *
     * @return how many were still alive afterwards (0 when all ended)
     */
    static int stopJnaCleaner(ClassLoader owner, Duration wait) {
        List<Thread> cleaners = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getClass().getName().equals(JNA_CLEANER_CLASS) && t.getClass().getClassLoader() == owner) {
                cleaners.add(t);
            }
        }
        int alive = 0;
        for (Thread t : cleaners) {
            t.interrupt();
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                alive++;
            }
        }
        return alive;
    }

    /**
     * Gives the JDK's own threads (those of the system thread group) that hold {@code owner} as their context class
     * loader its parent instead.
     *
     * @return how many threads were changed
     */
    static int detachJdkThreads(ClassLoader owner) {
        int changed = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            ThreadGroup group = t.getThreadGroup();
            if (group != null && group.getParent() == null && t.getContextClassLoader() == owner) {
                t.setContextClassLoader(owner.getParent());
                changed++;
            }
        }
        return changed;
    }
}

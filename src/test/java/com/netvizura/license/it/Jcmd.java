package com.netvizura.license.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the JDK's {@code jcmd} tells about another JVM of the same user: live objects, threads, metaspace. */
public final class Jcmd {

    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+)");
    private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");

    private final long pid;

    public Jcmd(long pid) {
        this.pid = pid;
    }

    /** Runs {@code jcmd PID command...} and returns what it printed; fails when jcmd does. */
    public String run(String... command) {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A full GC ({@code System.gc()}) after the pending finalizers ran, so that what waits only for them is gone. */
    public void fullGc() {
        run("GC.run");
        run("GC.run_finalization");
        run("GC.run");
    }

    /** Live instances of {@code className} after {@link #fullGc()} ({@code GC.class_histogram} counts live ones). */
    public long liveInstances(String className) {
        fullGc();
        for (String line : run("GC.class_histogram").lines().toList()) {
            Matcher m = HISTOGRAM_LINE.matcher(line);
            if (m.find() && m.group(2).equals(className)) {
                return Long.parseLong(m.group(1));
            }
        }
        return 0;
    }

    /** Threads whose name is exactly {@code name}. */
    public long threadsNamed(String name) {
        return run("Thread.print").lines().filter(l -> l.startsWith("\"" + name + "\"")).count();
    }

    /** Metaspace in use after {@link #fullGc()}, in KiB. */
    public long metaspaceUsedKiB() {
        fullGc();
        Matcher m = METASPACE_USED.matcher(run("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no Metaspace line in GC.heap_info");
        }
        return Long.parseLong(m.group(1));
    }

    /** Writes a heap dump of the live objects to {@code file}, for finding what keeps something alive. */
    public void heapDump(Path file) {
        run("GC.heap_dump", file.toAbsolutePath().toString());
    }
}

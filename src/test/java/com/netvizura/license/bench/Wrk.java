package com.netvizura.license.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Debian's {@code wrk} as a child process with a time limit (its duration plus 30 s, then it is killed), and what it
 * prints read into figures. A JVM shutdown hook kills a run still going, so that Ctrl-C leaves no load behind.
 */
final class Wrk {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final AtomicReference<Process> RUNNING = new AtomicReference<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = RUNNING.get();
            if (p != null) {
                p.destroyForcibly();
            }
        }, "stop wrk"));
    }

    /**
     * One run's figures.
     *
     * @param requestsPerSecond wrk's Requests/sec
     * @param p50Millis         the median latency; {@code NaN} without {@code --latency}
     * @param p99Millis         the 99th percentile latency; {@code NaN} without {@code --latency}
     * @param bytesPerResponse  bytes read divided by the requests (headers and body); {@code NaN} without any
     * @param requests          the requests answered
     * @param unsuccessful      wrk's "Non-2xx or 3xx responses" (0 when it prints none)
     */
    record Run(double requestsPerSecond, double p50Millis, double p99Millis, double bytesPerResponse, long requests,
            long unsuccessful) {

        /** As the bench prints a run: "requests/s p50-ms p99-ms bytes-per-request". */
        String line() {
            return String.format("%.2f %.3f %.3f %.0f", requestsPerSecond, p50Millis, p99Millis, bytesPerResponse);
        }
    }

    private Wrk() {
    }

    /**
     * Runs {@code wrk -t<threads> -c<connections> -d<seconds>s --latency -H <header> <url>}; wrk's complaints
     * (non-2xx answers, socket errors) go to standard error.
     */
    static Run run(int threads, int connections, Duration duration, String header, URI url) {
        return run(threads, connections, duration, header, null, url);
    }

    /** {@link #run(int, int, Duration, String, URI)} with a Lua {@code script} ({@code -s}) when not null. */
    static Run run(int threads, int connections, Duration duration, String header, Path script, URI url) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency"));
        if (header != null) {
            command.addAll(List.of("-H", header));
        }
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url.toString());
        String out = execute(command, duration.plus(GRACE));
        out.lines().filter(l -> l.contains("Non-2xx") || l.contains("Socket errors"))
                .forEach(l -> System.err.println("wrk: " + l.strip()));
        return parse(out);
    }

    /** Reads wrk's report (with {@code --latency}). */
    static Run parse(String report) {
        double rps = Double.NaN;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        long requests = 0;
        long unsuccessful = 0;
        double read = 0;
        for (String line : report.lines().map(String::strip).toList()) {
            String[] f = line.split("\\s+");
            if (line.startsWith("50%")) {
                p50 = millis(f[1]);
            } else if (line.startsWith("99%")) {
                p99 = millis(f[1]);
            } else if (line.contains(" requests in ")) {
                requests = Long.parseLong(f[0]);
                read = bytes(f[4].replace(",", ""));
            } else if (line.startsWith("Requests/sec:")) {
                rps = Double.parseDouble(f[1]);
            } else if (line.startsWith("Non-2xx or 3xx responses:")) {
                unsuccessful = Long.parseLong(f[f.length - 1]);
            }
        }
        if (Double.isNaN(rps)) {
            throw new IllegalStateException("not a report of wrk:\n" + report);
        }
        return new Run(rps, p50, p99, requests == 0 ? Double.NaN : read / requests, requests, unsuccessful);
    }

    private static double millis(String v) {
        if (v.endsWith("us")) {
            return Double.parseDouble(v.substring(0, v.length() - 2)) / 1000;
        } else if (v.endsWith("ms")) {
            return Double.parseDouble(v.substring(0, v.length() - 2));
        } else if (v.endsWith("m")) {
            return Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000;
        }
        return Double.parseDouble(v.substring(0, v.length() - 1)) * 1000;
    }

    private static double bytes(String v) {
        for (String[] unit : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
            if (v.endsWith(unit[0])) {
                return Double.parseDouble(v.substring(0, v.length() - unit[0].length())) * Long.parseLong(unit[1]);
            }
        }
        return Double.parseDouble(v);
    }

    /** Runs {@code command}, killed after {@code limit}; its standard output (and error). */
    static String execute(List<String> command, Duration limit) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            RUNNING.set(p);
            try {
                byte[][] out = new byte[1][];
                Thread reader = new Thread(() -> {
                    try {
                        out[0] = p.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        out[0] = new byte[0];
                    }
                }, "read " + command.get(0));
                reader.start();
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " did not finish within " + limit);
                }
                reader.join(TimeUnit.SECONDS.toMillis(10));
                String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n"
                            + text);
                }
                return text;
            } finally {
                RUNNING.set(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

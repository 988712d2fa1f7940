package com.netvizura.license.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own checker, {@code promtool} (Debian package {@code prometheus}; {@code .ci/test} installs it when
 * missing), run on real answers and on the shipped rules. Missing, it fails the test with a sentence saying how to
 * install it: a check that cannot run must not pass.
 */
public final class Promtool {

    static final String ERROR_MISSING = "ERROR_NO_PROMTOOL: promtool is not installed; install Debian's package "
            + "prometheus (apt-get install prometheus), which bash .ci/test does when promtool is missing";
    private static final long TIMEOUT_SECONDS = 120;

    /** What promtool said. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private Promtool() {
    }

    /** {@code promtool check metrics} on {@code exposition} (the text format, as a scrape gets it). */
    public static Result checkMetrics(String exposition) {
        return run(null, exposition, "check", "metrics");
    }

    /** {@code promtool ARGS...} in {@code directory} (null: the current one), with {@code stdin} (null: none). */
    public static Result run(Path directory, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("promtool", "promtool"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(ERROR_MISSING, e);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool " + String.join(" ", args) + " did not finish within "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + String.join(" ", args) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.netvizura.license.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Rolls {@code audit.log} over when it passes {@value #DEFAULT_LIMIT} bytes into {@code audit-<UTC timestamp>.log.gz}
 * (DESIGN.md section 5); parts are never deleted. The steps, each durable before the next:
 * <ol>
 * <li>{@code audit.log} is renamed to {@code .audit-<stamp>.log.pending} (one atomic rename: from now on appends
 * start a new {@code audit.log}, and every line is in exactly one of the two files);</li>
 * <li>the pending file is gzipped into a temp file, fsync, atomic move to {@code audit-<stamp>.log.gz};</li>
 * <li>the pending file is removed.</li>
 * </ol>
 * A crash after step 1 leaves the pending file: readers read it where the part would be, and the next start (or
 * rollover) finishes it. The part's name is fixed by the pending file's, and a part appears only whole (temp + atomic
 * move), so finishing writes the part when it is missing and otherwise only removes the pending file: no line is
 * lost, none is there twice. Callers hold the directory lock.
 */
final class AuditRollover {

    /** 8 MiB: {@code audit.log} is rolled over once it is larger. */
    static final long DEFAULT_LIMIT = 8L * 1024 * 1024;

    /** Test hook: the points between the steps of a rollover. */
    enum Step { MOVED_ASIDE, PART_WRITTEN }

    /** Test hook: told when a rollover reaches a step; an exception thrown here acts like a failure there. */
    @FunctionalInterface
    interface StepListener {
        StepListener NONE = step -> { };

        void reached(Step step) throws IOException;
    }

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String STAMP_PATTERN = "(\\d{8}T\\d{6}\\.\\d{3}Z)";
    private static final Pattern PART = Pattern.compile("audit-" + STAMP_PATTERN + "\\.log\\.gz");
    private static final Pattern PENDING = Pattern.compile("\\.audit-" + STAMP_PATTERN + "\\.log\\.pending");

    private final Path current;
    private final Path dir;
    private final Clock clock;
    private final long limit;
    private final StepListener listener;

    AuditRollover(Path current, Clock clock, long limit, StepListener listener) {
        this.current = current;
        this.dir = current.getParent();
        this.clock = clock;
        this.limit = limit;
        this.listener = listener;
    }

    /** Rolls {@code audit.log} over when it is larger than the limit; {@code size} is its size now. */
    void rollOverIfFull(long size) throws IOException {
        if (size > limit) {
            rollOver();
        }
    }

    private void rollOver() throws IOException {
        finishPending();
        String stamp = freeStamp();
        Path pending = dir.resolve(".audit-" + stamp + ".log.pending");
        DurableFiles.moveAtomically(current, pending);
        DurableFiles.fsyncDirectory(dir);
        listener.reached(Step.MOVED_ASIDE);
        finish(pending, stamp);
    }

    /** Finishes every rollover a crash cut off (see the class comment); returns how many. */
    int finishPending() throws IOException {
        List<Path> pending = files(PENDING);
        for (Path file : pending) {
            Matcher m = PENDING.matcher(file.getFileName().toString());
            if (m.matches()) {
                finish(file, m.group(1));
            }
        }
        return pending.size();
    }

    private void finish(Path pending, String stamp) throws IOException {
        Path part = dir.resolve("audit-" + stamp + ".log.gz");
        if (!Files.exists(part)) {
            Path temp = DurableFiles.writeTemp(dir, gzip(Files.readAllBytes(pending)));
            try {
                DurableFiles.moveAtomically(temp, part);
            } catch (IOException e) {
                DurableFiles.deleteQuietly(temp, e);
                throw e;
            }
            DurableFiles.fsyncDirectory(dir);
        }
        listener.reached(Step.PART_WRITTEN);
        Files.delete(pending);
        DurableFiles.fsyncDirectory(dir);
    }

    /**
     * A stamp for the next part: now, or just after the newest part or pending file when the clock is behind it, so
     * that parts sort by name in the order they were written and no name is taken twice.
     */
    private String freeStamp() throws IOException {
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Path> taken = new ArrayList<>(files(PART));
        taken.addAll(files(PENDING));
        for (Path file : taken) {
            Instant at = stampOf(file);
            if (at != null && !stamp.isAfter(at)) {
                stamp = at.plusMillis(1);
            }
        }
        return STAMP.format(stamp);
    }

    private static Instant stampOf(Path file) {
        String name = file.getFileName().toString();
        Matcher m = PART.matcher(name);
        if (!m.matches()) {
            m = PENDING.matcher(name);
        }
        try {
            return m.matches() ? Instant.from(STAMP.parse(m.group(1))) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The rolled-over parts, oldest first. */
    List<Path> parts() throws IOException {
        return files(PART);
    }

    /** Rollovers a crash cut off after step 1, oldest first: their lines come after every part's. */
    List<Path> pending() throws IOException {
        return files(PENDING);
    }

    private List<Path> files(Pattern pattern) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                f -> pattern.matcher(f.getFileName().toString()).matches())) {
            files.forEach(found::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    /** The lines of a part, as they were in {@code audit.log}. */
    static byte[] gunzip(Path part) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(part), 64 * 1024)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 6 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}

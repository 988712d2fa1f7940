package com.netvizura.license.store;

import com.netvizura.license.model.Actor;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@code audit.log}: one JSON object a line, appended and forced to disk. Values go through a JSON writer, so a
 * user name with quotes or line breaks stays inside its string and cannot forge a line.
 *
 * <p>Torn lines: a crash (power loss) can leave the last line cut off without its line break. The reader skips
 * such an unterminated last line. The next append first closes it with a line break followed by a
 * {@link AuditEntry.Outcome#TORN_LINE_CLOSED} line, so new lines always start on a line of their own and the
 * reader knows the unreadable line before that marker is a crash remnant. Any other unreadable line is reported.
 * Callers hold the directory lock while appending.
 *
 * <p>Bounded: past 8 MiB the file is rolled over into a gzipped part ({@link AuditRollover}); {@link #read} reads the
 * parts too. What the History needs of the parts (the lines that made a key active) is kept in memory by part, as a
 * part never changes: a change reads only {@code audit.log} and parts it has not seen yet.
 *
 * <p>One class although long: appending, reading and the torn-line rule are one file format, and the parts' memory
 * serves the reads; the rollover's own steps are {@link AuditRollover}'s.
 */
final class AuditLog {

    static final int MAX_VALUE_CHARS = 2000;
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
    private static final String TIME = "time";
    private static final String USER = "user";
    private static final String REMOTE = "remoteAddress";
    private static final String ACTION = "action";
    private static final String LICENSE_ID = "licenseId";
    private static final String OUTCOME = "outcome";
    private static final String REASON = "reason";

    /** Makes the audit log of a store (tests choose a smaller rollover limit or inject faults). */
    @FunctionalInterface
    interface Factory {
        AuditLog create(Path file, Clock clock);
    }

    private final Path file;
    private final Clock clock;
    private final AuditRollover rollover;
    /** Lines that made a key active, by part file name and size: parts are written once and never changed. */
    private final Map<String, List<AuditEntry>> partActivations = new ConcurrentHashMap<>();

    AuditLog(Path file, Clock clock) {
        this(file, clock, AuditRollover.DEFAULT_LIMIT, AuditRollover.StepListener.NONE);
    }

    AuditLog(Path file, Clock clock, long rolloverLimit, AuditRollover.StepListener rolloverSteps) {
        this.file = file;
        this.clock = clock;
        this.rollover = new AuditRollover(file, clock, rolloverLimit, rolloverSteps);
    }

    /** Finishes a rollover that a crash cut off; at start, under the lock. */
    int finishRollover() throws IOException {
        return rollover.finishPending();
    }

    Path path() {
        return file;
    }

    void append(AuditEntry entry) throws IOException {
        boolean created = !Files.exists(file);
        long sizeAfter;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            if (size > 0 && !endsWithLineBreak(channel, size)) {
                out.write('\n');
                writeLine(out, AuditEntry.of(clock.instant(), Actor.SYSTEM, AuditEntry.Action.RECOVER, null,
                        AuditEntry.Outcome.TORN_LINE_CLOSED, "the line before was cut off by a crash"));
            }
            writeLine(out, entry);
            ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
            try {
                long position = size;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.force(true);
                sizeAfter = position;
            } catch (IOException e) {
                // Leave no half line behind when the disk is full; a crash here is handled by the torn-line rule.
                try {
                    channel.truncate(size);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        }
        if (created) {
            DurableFiles.fsyncDirectory(file.getParent());
        }
        try {
            rollover.rollOverIfFull(sizeAfter);
        } catch (IOException e) {
            // The line is on disk; the log just stays larger until a later append rolls it over.
            LOG.log(System.Logger.Level.WARNING, "Could not roll the audit log [" + file + "] over; it is tried again "
                    + "with the next line: " + IoProblems.describe(e), e);
        }
    }

    private static boolean endsWithLineBreak(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        return channel.read(last, size - 1) == 1 && last.get(0) == '\n';
    }

    private static void writeLine(ByteArrayOutputStream out, AuditEntry entry) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add(TIME, entry.time().toString())
                .add(USER, cap(entry.user()))
                .add(REMOTE, cap(entry.remoteAddress()))
                .add(ACTION, entry.action().name());
        addNullable(b, LICENSE_ID, entry.licenseId());
        b.add(OUTCOME, entry.outcome().name());
        addNullable(b, REASON, entry.reason());
        StringWriter text = new StringWriter(256);
        try (JsonWriter writer = JSON.createWriter(text)) {
            writer.writeObject(b.build());
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static void addNullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, cap(value));
        }
    }

    /** Keeps one line small: a huge user name or reason must not make the log unreadable. */
    private static String cap(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "...";
    }

    /** All lines, oldest first: the rolled-over parts, a rollover cut off by a crash, then {@code audit.log}. */
    List<AuditEntry> read() throws StoreException {
        List<AuditEntry> all = new ArrayList<>();
        for (Path part : listed(true)) {
            all.addAll(parse(unzipped(part), part));
        }
        for (Path pending : listed(false)) {
            all.addAll(parse(bytes(pending), pending));
        }
        all.addAll(parse(bytes(file), file));
        return all;
    }

    /**
     * The lines that made a key active (an apply, or a change found at start), oldest first: what the History shows.
     * Reads {@code audit.log} (at most 8 MiB) and only those parts it has not read before.
     */
    List<AuditEntry> keyActivations() throws StoreException {
        List<AuditEntry> found = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Path part : listed(true)) {
            String key = part.getFileName() + "/" + sizeOf(part);
            present.add(key);
            List<AuditEntry> known = partActivations.get(key);
            if (known == null) {
                known = activations(parse(unzipped(part), part, AuditLog::mayActivate));
                partActivations.put(key, known);
            }
            found.addAll(known);
        }
        partActivations.keySet().retainAll(present);
        for (Path pending : listed(false)) {
            found.addAll(activations(parse(bytes(pending), pending, AuditLog::mayActivate)));
        }
        found.addAll(activations(parse(bytes(file), file, AuditLog::mayActivate)));
        return found;
    }

    /** Whether a line may be one that made a key active: only those are parsed for the History. */
    private static boolean mayActivate(String line) {
        return line.contains(AuditEntry.Outcome.APPLIED.name())
                || line.contains(AuditEntry.Outcome.KEY_CHANGED_OUTSIDE_APPLY.name());
    }

    private static List<AuditEntry> activations(List<AuditEntry> lines) {
        return lines.stream().filter(line -> line.licenseId() != null
                && (line.outcome() == AuditEntry.Outcome.APPLIED
                    || line.outcome() == AuditEntry.Outcome.KEY_CHANGED_OUTSIDE_APPLY)).toList();
    }

    private List<Path> listed(boolean parts) throws StoreException {
        try {
            return parts ? rollover.parts() : rollover.pending();
        } catch (IOException e) {
            throw new StoreException("store.readFailed", e, file.getParent(), IoProblems.describe(e));
        }
    }

    private static long sizeOf(Path part) {
        try {
            return Files.size(part);
        } catch (IOException e) {
            return -1;
        }
    }

    private static byte[] unzipped(Path part) throws StoreException {
        try {
            return AuditRollover.gunzip(part);
        } catch (IOException e) {
            throw new StoreException("store.readFailed", e, part, IoProblems.describe(e));
        }
    }

    private static byte[] bytes(Path source) throws StoreException {
        try {
            return Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new StoreException("store.readFailed", e, source, IoProblems.describe(e));
        }
    }

    private static List<AuditEntry> parse(byte[] bytes, Path file) throws StoreException {
        return parse(bytes, file, line -> true);
    }

    /**
     * The lines of {@code bytes}; only those {@code worthReading} are parsed (a JSON parse per line is what reading
     * costs), the others are skipped unchecked.
     */
    private static List<AuditEntry> parse(byte[] bytes, Path file, Predicate<String> worthReading)
            throws StoreException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        String unterminated = start < bytes.length ? new String(bytes, start, bytes.length - start,
                StandardCharsets.UTF_8) : null;

        List<AuditEntry> entries = new ArrayList<>(lines.size());
        AuditEntry[] parsed = new AuditEntry[lines.size()];
        boolean[] skipped = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            skipped[i] = !worthReading.test(lines.get(i));
            parsed[i] = skipped[i] ? null : parseOrNull(lines.get(i));
        }
        for (int i = 0; i < parsed.length; i++) {
            if (parsed[i] != null) {
                entries.add(parsed[i]);
            } else if (!skipped[i] && !(i + 1 < parsed.length && closesTornLine(parsed[i + 1]))) {
                throw new StoreException("store.auditCorrupt", null, file, i + 1);
            }
        }
        if (unterminated != null && worthReading.test(unterminated)) {
            AuditEntry last = parseOrNull(unterminated);
            if (last != null) {
                entries.add(last); // complete but for its line break
            }
        }
        return entries;
    }

    private static boolean closesTornLine(AuditEntry entry) {
        return entry != null && entry.action() == AuditEntry.Action.RECOVER
                && entry.outcome() == AuditEntry.Outcome.TORN_LINE_CLOSED;
    }

    private static AuditEntry parseOrNull(String line) {
        try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            JsonObject o = reader.readObject();
            return new AuditEntry(Instant.parse(o.getString(TIME)), o.getString(USER), o.getString(REMOTE),
                    AuditEntry.Action.valueOf(o.getString(ACTION)), stringOrNull(o, LICENSE_ID),
                    AuditEntry.Outcome.valueOf(o.getString(OUTCOME)), stringOrNull(o, REASON));
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                 | DateTimeParseException | IllegalStateException e) {
            return null;
        }
    }

    private static String stringOrNull(JsonObject o, String name) {
        JsonValue value = o.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(name);
    }
}

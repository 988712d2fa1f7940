package com.netvizura.license.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and atomically rewrites {@code state.properties}. Callers hold the directory lock for read-modify-write;
 * a plain read needs no lock because the file is only ever replaced whole.
 */
final class StateFile {

    private static final String EPOCH = "epoch";
    private static final String ACTIVE_KEY = "activeKeySha256";
    private static final String CLOCK_MARK = "clockHighWaterMark";
    private static final String LAST_RETIRED = "lastRetiredAt";
    /** Entries of {@link ReminderLedger}; kept as they are by every write. */
    static final String REMINDER_PREFIX = "reminder.";
    /** Entries of {@link HardwareGraceLedger}; kept as they are by every write, as the reminder entries. */
    static final String HARDWARE_GRACE_PREFIX = "hardwareGrace.";
    private static final int MAX_BYTES = 64 * 1024;

    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The state on disk, {@link StoreState#EMPTY} when the file does not exist yet. */
    StoreState read() throws StoreException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new StoreException("store.stateCorrupt", null, file, "larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return StoreState.EMPTY;
        } catch (IOException e) {
            throw new StoreException("store.readFailed", e, file, IoProblems.describe(e));
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            long epoch = Long.parseLong(p.getProperty(EPOCH, "0").trim());
            if (epoch < 0) {
                throw new NumberFormatException("negative epoch " + epoch);
            }
            String key = p.getProperty(ACTIVE_KEY);
            SortedMap<String, String> reminders = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith(REMINDER_PREFIX) || name.startsWith(HARDWARE_GRACE_PREFIX)) {
                    reminders.put(name, p.getProperty(name));
                }
            }
            return new StoreState(epoch, key == null || key.isBlank() ? null : key.trim(),
                    instantOrNull(p, CLOCK_MARK), instantOrNull(p, LAST_RETIRED), reminders);
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new StoreException("store.stateCorrupt", e, file, e.getMessage());
        }
    }

    /**
     * {@code text} as {@link Properties#load} reads it back: backslash escapes for the characters the format gives a
     * meaning, a Unicode escape for everything outside printable ASCII (reminder entries hold license ids and mail
     * server answers, which may hold anything).
     */
    static String escaped(String text, boolean key) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static Instant instantOrNull(Properties p, String name) {
        String value = p.getProperty(name);
        return value == null || value.isBlank() ? null : Instant.parse(value.trim());
    }

    void write(StoreState state) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# NetVizura License store state; written by NetVizura, do not edit while it runs.\n")
                .append(EPOCH).append('=').append(state.epoch()).append('\n');
        if (state.activeKeySha256() != null) {
            text.append(ACTIVE_KEY).append('=').append(state.activeKeySha256()).append('\n');
        }
        if (state.clockMark() != null) {
            text.append(CLOCK_MARK).append('=').append(state.clockMark()).append('\n');
        }
        if (state.lastRetiredAt() != null) {
            text.append(LAST_RETIRED).append('=').append(state.lastRetiredAt()).append('\n');
        }
        state.reminders().forEach((name, value) ->
                text.append(escaped(name, true)).append('=').append(escaped(value, false)).append('\n'));
        DurableFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}

package com.netvizura.license.store;

import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.UsageDay;
import com.netvizura.license.model.UsageName;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code usage.csv} in the license directory (DESIGN.md sections 5 and 11, fixed): a header line
 * {@code date,name,peak,limit}, then one line a day and name with the day's highest count and the limit in force
 * (empty when the license sets none), oldest first, {@value #KEEP_DAYS} days kept.
 *
 * <p>Every node sharing the directory merges its peaks into the file under the directory lock (read, take the higher
 * count of each day and name, drop old days, replace the file atomically), so no node's peak is lost and each sees
 * the others'. A plain read takes no lock: the file is only ever replaced whole. A line that cannot be read (edited by
 * hand, cut off by a tool that is not NetVizura) is skipped and logged with its number; the other lines still count,
 * and the next merge writes the file without it.
 */
public final class UsageFile {

    /** Days of peaks kept, today included: a year and a renewal's weeks. */
    public static final int KEEP_DAYS = 400;
    static final String HEADER = "date,name,peak,limit";
    /** 400 days of 64 names is about 1 MB; a file far bigger is not ours. */
    private static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(UsageFile.class.getName());

    private final Path file;
    private final DirectoryLock lock;

    UsageFile(Path file, DirectoryLock lock) {
        this.file = file;
        this.lock = lock;
    }

    public Path path() {
        return file;
    }

    /** The days on disk, oldest first; empty when there is no file yet. Unreadable lines are skipped and logged. */
    public List<UsageDay> read() throws StoreException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new StoreException("store.usageTooLarge", null, file, MAX_BYTES);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("store.readFailed", e, file, IoProblems.describe(e));
        }
        List<UsageDay> days = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || i == 0 && line.equals(HEADER)) {
                continue;
            }
            UsageDay day = parse(line);
            if (day == null) {
                LOG.log(Level.WARNING, "Line {0} of [{1}] is not a usage line and was skipped: {2}", i + 1, file,
                        LogValue.of(line.length() > 120 ? line.substring(0, 120) : line));
            } else {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * Takes {@code reported} (the peaks of this node since its last merge) into the file: per day and name the higher
     * peak, and the reported limit; days before {@code today - KEEP_DAYS + 1} are dropped.
     *
     * @return every day now in the file, oldest first (the other nodes' included)
     */
    @SuppressWarnings("try") // the resource is the held directory lock, used only for its close()
    public List<UsageDay> merge(Collection<UsageDay> reported, LocalDate today) throws StoreException {
        try (DirectoryLock.Held held = lock.acquire()) {
            Map<String, UsageDay> byDayAndName = new LinkedHashMap<>();
            for (UsageDay day : read()) {
                byDayAndName.merge(key(day), day, (a, b) -> a.withPeak(b.peak(), b.limit()));
            }
            for (UsageDay day : reported) {
                byDayAndName.merge(key(day), day, (a, b) -> a.withPeak(b.peak(), b.limit()));
            }
            LocalDate oldest = today.minusDays(KEEP_DAYS - 1L);
            List<UsageDay> kept = new ArrayList<>(byDayAndName.values());
            kept.removeIf(d -> d.date().isBefore(oldest));
            kept.sort(Comparator.comparing(UsageDay::date).thenComparing(UsageDay::name));
            StringBuilder text = new StringBuilder(HEADER).append('\n');
            for (UsageDay d : kept) {
                text.append(d.date()).append(',').append(d.name()).append(',').append(d.peak()).append(',');
                d.limit().ifPresent(text::append);
                text.append('\n');
            }
            try {
                DurableFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new StoreException("store.usageWriteFailed", e, file, IoProblems.describe(e));
            }
            return List.copyOf(kept);
        }
    }

    private static String key(UsageDay day) {
        return day.date() + "," + day.name();
    }

    /** The line as a day, or null when it is not one. */
    static UsageDay parse(String line) {
        String[] parts = line.split(",", -1);
        if (parts.length != 4 || !UsageName.isValid(parts[1])) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(parts[0]);
            long peak = Long.parseLong(parts[2]);
            OptionalLong limit = parts[3].isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parts[3]));
            return new UsageDay(date, parts[1], peak, limit);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }
}

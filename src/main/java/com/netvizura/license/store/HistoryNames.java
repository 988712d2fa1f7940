package com.netvizura.license.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of history files: {@code 20261128T074512.123Z_NVZ-2026-000123.key}. The fixed-width UTC timestamp sorts
 * by name in time order and holds no character a file system objects to; the license id comes from an uploaded key,
 * so everything outside {@code [A-Za-z0-9._-]} is replaced and the length capped: it can never form a path.
 */
final class HistoryNames {

    static final String UNKNOWN_ID = "unknown";
    static final int MAX_ID_CHARS = 64;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(\\d{8}T\\d{6}\\.\\d{3}Z)_([A-Za-z0-9._-]{1,64})\\.key");

    private HistoryNames() {
    }

    static String name(Instant retiredAt, String licenseId) {
        return STAMP.format(retiredAt.truncatedTo(ChronoUnit.MILLIS)) + "_" + safeId(licenseId) + ".key";
    }

    static String safeId(String licenseId) {
        if (licenseId == null || licenseId.isEmpty()) {
            return UNKNOWN_ID;
        }
        String capped = licenseId.length() > MAX_ID_CHARS ? licenseId.substring(0, MAX_ID_CHARS) : licenseId;
        return capped.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The entry a file name stands for, or empty for any other file (temp files, files put there by hand). */
    static Optional<HistoryEntry> parse(java.nio.file.Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HistoryEntry(Instant.from(STAMP.parse(m.group(1))), m.group(2), file));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}

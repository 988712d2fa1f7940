package com.netvizura.license.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How much of one named limit is in use (DESIGN.md section 11): the last count reported, the limit the license sets
 * (empty: not limited), the highest daily peak of the last 30 days, when the count was reported, and the first day of
 * the run of days over the limit that still lasts (empty when the count is within the limit).
 */
public record Usage(String name, long inUse, OptionalLong limit, long peak30d, Instant reportedAt,
        Optional<LocalDate> overSince) {

    public Usage {
        if (!UsageName.isValid(name)) {
            throw new IllegalArgumentException("ERROR_USAGE_NAME: not a usage name: " + LogValue.of(name));
        }
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(overSince, "overSince");
    }

    /** Whether the license limits this name. */
    public boolean limited() {
        return limit.isPresent();
    }

    /** Whether the count is over the limit (limits are soft: NetVizura keeps working). */
    public boolean over() {
        return limit.isPresent() && inUse > limit.getAsLong();
    }

    /** The share of the limit in use in whole per cent, rounded down; empty when not limited. */
    public OptionalLong percent() {
        if (limit.isEmpty()) {
            return OptionalLong.empty();
        }
        long max = limit.getAsLong();
        if (max == 0) {
            return OptionalLong.of(inUse == 0 ? 0 : 100); // nothing is licensed: any use is all of it
        }
        return OptionalLong.of(inUse >= Long.MAX_VALUE / 100 ? inUse / max * 100 : inUse * 100 / max);
    }

    /** Whether the count reached {@code noticePercent} of the limit (always false when not limited). */
    public boolean atNotice(int noticePercent) {
        return percent().isPresent() && percent().getAsLong() >= noticePercent;
    }
}

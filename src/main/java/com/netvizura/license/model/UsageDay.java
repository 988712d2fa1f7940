package com.netvizura.license.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of {@code usage.csv}: the highest count of {@code name} reported on {@code date}, and the limit the
 * license set for it that day (empty when it set none).
 */
public record UsageDay(LocalDate date, String name, long peak, OptionalLong limit) {

    public UsageDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(limit, "limit");
        if (!UsageName.isValid(name)) {
            throw new IllegalArgumentException("ERROR_USAGE_NAME: not a usage name: " + LogValue.of(name));
        }
        if (peak < 0 || limit.isPresent() && limit.getAsLong() < 0) {
            throw new IllegalArgumentException("ERROR_USAGE_NEGATIVE: counts and limits are never negative");
        }
    }

    /** The same day with {@code count} taken into the peak and {@code newLimit} as the limit in force. */
    public UsageDay withPeak(long count, OptionalLong newLimit) {
        return new UsageDay(date, name, Math.max(peak, count), newLimit);
    }
}

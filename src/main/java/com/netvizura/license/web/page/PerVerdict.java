package com.netvizura.license.web.page;

import com.netvizura.license.model.Verdict;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A value the pages derive from the service's cached verdict, kept until the verdict changes: the service makes a new
 * verdict at most once a second (and on every license change), so every request in between reuses the value instead
 * of formatting dates and sentences again. Verdicts are compared by identity; the locale is part of the key.
 * Thread-safe: two requests that race on a new verdict both compute it, and one of them is kept.
 */
public final class PerVerdict<T> {

    private record Entry<T>(Verdict verdict, Locale locale, T value) {
    }

    private final AtomicReference<Entry<T>> last = new AtomicReference<>();

    /** The value for {@code verdict} in {@code locale}: the kept one, or {@code compute}'s, then kept. */
    T get(Verdict verdict, Locale locale, Supplier<T> compute) {
        Entry<T> seen = last.get();
        if (seen != null && seen.verdict() == verdict && seen.locale().equals(locale)) {
            return seen.value();
        }
        T value = compute.get();
        last.set(new Entry<>(verdict, locale, value));
        return value;
    }
}

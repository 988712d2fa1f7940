package com.netvizura.license.web.page;

import com.netvizura.license.model.License;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The picture of a license's life on the License page: coloured spans (maintenance, running without
 * maintenance, grace, expired) on a line from the issue day, with marks for the issue day, the end of maintenance,
 * the end of usage, the end of grace and today. Positions are percentages of the line, for CSS; pure computation
 * over the verdict's facts (the last day of grace is the verdict's, never recomputed here).
 *
 * @param bands the coloured spans, left to right
 * @param marks the dated marks, left to right; marks on the same day share one label
 */
public record LicenseTimeline(List<Band> bands, List<Mark> marks) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A coloured span.
     *
     * @param kind  CSS suffix: {@code maintenance}, {@code running}, {@code grace} or {@code expired}
     * @param label its meaning in words, for the legend and the tooltip
     * @param left  start in percent of the line, formatted for CSS
     * @param width width in percent of the line, formatted for CSS
     */
    public record Band(String kind, String label, String left, String width) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A dated mark.
     *
     * @param label what happens on that day
     * @param date  the day in the admin's format
     * @param left  position in percent of the line, formatted for CSS
     * @param row   label row (0 or 1) so that neighbouring labels do not overlap
     * @param today whether this is today's mark
     */
    public record Mark(String label, String date, String left, int row, boolean today) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    public LicenseTimeline {
        bands = List.copyOf(bands);
        marks = List.copyOf(marks);
    }

    /**
     * The timeline of the license that {@code verdict} is about, as of {@code today} (the verdict's day), with the
     * issue instant's day in {@code zone} and dates written by {@code dates}; empty without a license.
     */
    public static Optional<LicenseTimeline> of(Verdict verdict, LocalDate today, ZoneId zone, DateTimeFormatter dates,
            Locale locale) {
        return verdict.license().map(l -> of(l, verdict.graceUntil().orElse(null), today, zone, dates, locale));
    }

    private static LicenseTimeline of(License license, LocalDate graceEnd, LocalDate today, ZoneId zone,
            DateTimeFormatter dates, Locale locale) {
        LocalDate issued = LocalDate.ofInstant(license.issuedAt(), zone);
        LocalDate maintenanceEnd = license.maintenanceUntil();
        LocalDate usageEnd = license.usageUntil();

        LocalDate first = min(issued, today);
        LocalDate last = max(max(maintenanceEnd, graceEnd == null ? maintenanceEnd : graceEnd), today);
        // A quarter of the licensed span after the last date shows what comes after it (running on, or expired).
        long span = Math.max(1, last.toEpochDay() - first.toEpochDay());
        LocalDate end = last.plusDays(Math.max(7, span / 4));
        Scale scale = new Scale(first, end);

        List<Band> bands = new ArrayList<>();
        if (usageEnd == null) {
            bands.add(scale.band("maintenance", text(locale, "web.timeline.band.maintenance"), issued,
                    maintenanceEnd.plusDays(1)));
            bands.add(scale.band("running", text(locale, "web.timeline.band.running"), maintenanceEnd.plusDays(1),
                    end));
        } else {
            LocalDate maintained = min(maintenanceEnd, usageEnd).plusDays(1);
            bands.add(scale.band("maintenance", text(locale, "web.timeline.band.maintenance"), issued, maintained));
            if (maintained.isBefore(usageEnd.plusDays(1))) {
                bands.add(scale.band("running", text(locale, "web.timeline.band.running"), maintained,
                        usageEnd.plusDays(1)));
            }
            bands.add(scale.band("grace", text(locale, "web.timeline.band.grace"), usageEnd.plusDays(1),
                    graceEnd.plusDays(1)));
            bands.add(scale.band("expired", text(locale, "web.timeline.band.expired"), graceEnd.plusDays(1), end));
        }

        Map<LocalDate, List<String>> labels = new TreeMap<>();
        labels.computeIfAbsent(issued, d -> new ArrayList<>()).add(text(locale, "web.timeline.issued"));
        labels.computeIfAbsent(maintenanceEnd, d -> new ArrayList<>()).add(text(locale, "web.timeline.maintenanceEnd"));
        if (usageEnd != null) {
            labels.computeIfAbsent(usageEnd, d -> new ArrayList<>()).add(text(locale, "web.timeline.usageEnd"));
            labels.computeIfAbsent(graceEnd, d -> new ArrayList<>()).add(text(locale, "web.timeline.graceEnd"));
        }
        List<Mark> marks = new ArrayList<>();
        int row = 0;
        for (Map.Entry<LocalDate, List<String>> e : labels.entrySet()) {
            marks.add(new Mark(String.join(" / ", e.getValue()), dates.format(e.getKey()), scale.at(e.getKey()),
                    row, false));
            row = 1 - row;
        }
        marks.add(new Mark(text(locale, "web.timeline.today"), dates.format(today), scale.at(today), 0, true));
        return new LicenseTimeline(bands, marks);
    }

    private static String text(Locale locale, String key) {
        return Messages.get(locale, key);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Days to percent of the line. */
    private record Scale(LocalDate first, LocalDate end) {

        double percent(LocalDate day) {
            double p = 100.0 * (day.toEpochDay() - first.toEpochDay()) / (end.toEpochDay() - first.toEpochDay());
            return Math.max(0, Math.min(100, p));
        }

        String at(LocalDate day) {
            return css(percent(day));
        }

        Band band(String kind, String label, LocalDate from, LocalDate to) {
            double left = percent(from);
            return new Band(kind, label, css(left), css(Math.max(0, percent(to) - left)));
        }

        /** Two decimals, e.g. {@code 12.50}; not String.format, which cost 2 % of the License page's rendering. */
        private static String css(double percent) {
            return BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }
}

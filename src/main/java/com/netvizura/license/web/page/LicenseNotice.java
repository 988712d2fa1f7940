package com.netvizura.license.web.page;

import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.service.LicenseService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the license notice says to admins, decided from the verdict alone (no file, no signature, no probe): from
 * {@code noticeDays} before the last day of usage or of maintenance, the date and the days left; in grace, the grace
 * days left and what happens after; in hardware grace at once, its last day (not dismissable); when the license is
 * not usable, what is wrong. A valid license far from its last days, or one past its maintenance that keeps running,
 * has nothing to say.
 *
 * <p>The colour rises at 14, 7 and 1 days left ({@link #level}). An admin may dismiss the notice until the next
 * threshold: {@link #dismissKey} names the threshold now crossed (kind, last day and the threshold in days), so a
 * dismissal stays valid until that key changes. A license that is not usable cannot be dismissed.
 *
 * @param kind       what the notice is about
 * @param level      CSS suffix of the colour: {@code ahead} (more than 14 days), {@code 14}, {@code 7}, {@code 1},
 *                   {@code grace}, {@code stopped}
 * @param headline   the first sentence: the date and the days left, or the status
 * @param detail     what happens next, or what to do
 * @param dismissKey the threshold a dismissal holds for (letters, digits and dashes only), empty if not dismissable
 */
public record LicenseNotice(Kind kind, String level, String headline, String detail, Optional<String> dismissKey) {

    /** What a notice is about. */
    public enum Kind {
        /** Usage of a subscription or trial ends soon. */
        USAGE,
        /** Maintenance and support end soon; NetVizura keeps running. */
        MAINTENANCE,
        /** Usage ended; NetVizura runs in its grace days. */
        GRACE,
        /** NetVizura cannot be used: no license, expired, another server, not this version, not yet valid, invalid. */
        NOT_USABLE,
        /** This server no longer matches the key; NetVizura runs in its hardware grace (never dismissable). */
        HARDWARE_GRACE,
        /** A limit is nearly used up or exceeded ({@link UsageNotice}); NetVizura keeps working. */
        USAGE_LIMIT
    }

    /** Days left at which the colour rises and a dismissal ends (besides {@code noticeDays} itself). */
    static final List<Integer> THRESHOLDS = List.of(14, 7, 1);

    public LicenseNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(dismissKey, "dismissKey");
    }

    /**
     * The notice for {@code verdict} on {@code today}, or empty when there is nothing to say.
     *
     * @param noticeDays days before a last day from which to speak (setting {@code netvizura.license.noticeDays});
     *                   0: never
     */
    public static Optional<LicenseNotice> of(Verdict verdict, LocalDate today, int noticeDays, Locale locale) {
        if (noticeDays <= 0) {
            return Optional.empty();
        }
        DateTimeFormatter dates = LicenseSummary.dateFormat(locale);
        if (!verdict.operational()) {
            String status = Messages.get(locale, "web.status." + verdict.status().name());
            return Optional.of(new LicenseNotice(Kind.NOT_USABLE, "stopped",
                    Messages.get(locale, "web.notice.notUsable", status), verdict.explanation(), Optional.empty()));
        }
        Optional<License> license = verdict.license();
        if (license.isEmpty()) {
            return Optional.empty();
        }
        License l = license.get();
        String type = Messages.get(locale, "policy.type." + l.type().claimValue());
        if (verdict.status() == LicenseStatus.HARDWARE_GRACE && verdict.hardwareGraceUntil().isPresent()) {
            LocalDate until = verdict.hardwareGraceUntil().get();
            return Optional.of(new LicenseNotice(Kind.HARDWARE_GRACE, "grace",
                    Messages.get(locale, "web.notice.hardwareGrace", dates.format(until),
                            daysLeft(Math.max(0, ChronoUnit.DAYS.between(today, until)), locale)),
                    Messages.get(locale, "web.notice.hardwareGrace.after"), Optional.empty()));
        }
        if (verdict.status() == LicenseStatus.GRACE && verdict.graceUntil().isPresent()) {
            LocalDate graceUntil = verdict.graceUntil().get();
            long left = Math.max(0, ChronoUnit.DAYS.between(today, graceUntil));
            return Optional.of(new LicenseNotice(Kind.GRACE, "grace",
                    Messages.get(locale, "web.notice.grace", type, dates.format(l.usageUntil()),
                            dates.format(graceUntil), daysLeft(left, locale)),
                    Messages.get(locale, "web.notice.grace.after"),
                    Optional.of(key("g", graceUntil, threshold(left, noticeDays)))));
        }
        OptionalLong usage = within(verdict.daysUntilUsageEnds(), noticeDays);
        OptionalLong maintenance = verdict.status() == LicenseStatus.VALID
                ? within(verdict.daysUntilMaintenanceEnds(), noticeDays) : OptionalLong.empty();
        if (usage.isPresent() && (maintenance.isEmpty() || usage.getAsLong() <= maintenance.getAsLong())) {
            long left = usage.getAsLong();
            return Optional.of(new LicenseNotice(Kind.USAGE, level(left),
                    Messages.get(locale, "web.notice.usage", type, dates.format(l.usageUntil()),
                            daysLeft(left, locale)),
                    Messages.get(locale, "web.notice.usage.after", LicenseService.GRACE_DAYS),
                    Optional.of(key("u", l.usageUntil(), threshold(left, noticeDays)))));
        }
        if (maintenance.isPresent()) {
            long left = maintenance.getAsLong();
            return Optional.of(new LicenseNotice(Kind.MAINTENANCE, level(left),
                    Messages.get(locale, "web.notice.maintenance", dates.format(l.maintenanceUntil()),
                            daysLeft(left, locale)),
                    Messages.get(locale, "web.notice.maintenance.after"),
                    Optional.of(key("m", l.maintenanceUntil(), threshold(left, noticeDays)))));
        }
        return Optional.empty();
    }

    /** Whether an admin may hide this notice until the next threshold. */
    public boolean dismissable() {
        return dismissKey.isPresent();
    }

    /** The colour for {@code left} days before a last day: rising at 14, 7 and 1. */
    static String level(long left) {
        for (int i = THRESHOLDS.size() - 1; i >= 0; i--) {
            if (left <= THRESHOLDS.get(i)) {
                return String.valueOf(THRESHOLDS.get(i));
            }
        }
        return "ahead";
    }

    /** The threshold crossed with {@code left} days left: the smallest of 1, 7, 14 and noticeDays not below it. */
    static int threshold(long left, int noticeDays) {
        int crossed = noticeDays;
        for (int t : THRESHOLDS) {
            if (t < crossed && left <= t) {
                crossed = t;
            }
        }
        return crossed;
    }

    private static OptionalLong within(OptionalLong daysLeft, int noticeDays) {
        return daysLeft.isPresent() && daysLeft.getAsLong() >= 0 && daysLeft.getAsLong() <= noticeDays
                ? daysLeft : OptionalLong.empty();
    }

    private static String daysLeft(long days, Locale locale) {
        return Messages.get(locale, "web.days.left", days);
    }

    private static String key(String kind, LocalDate lastDay, int threshold) {
        return kind + "-" + lastDay + "-" + threshold;
    }
}

package com.netvizura.license.issuer;

import com.netvizura.license.model.LicenseType;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * The last days a new key carries: given explicitly, else counted from the period's first day (the issue day for a
 * new license, the day {@link RenewalNote} chose for a renewal).
 *
 * @param maintenanceUntil last day of maintenance and support
 * @param usageUntil       last day of usage; {@code null} for a perpetual license
 */
record IssuePeriod(LocalDate maintenanceUntil, LocalDate usageUntil) {

    /** A trial's length, counting its first day. */
    static final int TRIAL_DAYS = 30;

    /**
     * @param start       the first day of the period
     * @param issueDay    no last day may be before it (such a key would be over on arrival)
     * @param maintenance {@code --maintenance-until}, if given
     * @param usage       {@code --usage-until}, if given
     * @throws IssuerException refused when the dates contradict the type or each other
     */
    static IssuePeriod choose(LicenseType type, LocalDate start, LocalDate issueDay, Optional<LocalDate> maintenance,
            Optional<LocalDate> usage) throws IssuerException {
        if (type == LicenseType.PERPETUAL) {
            if (usage.isPresent()) {
                throw IssuerException.refused("a perpetual license has no end of usage: drop --usage-until"
                        + " (or issue a subscription)");
            }
            return checked(new IssuePeriod(maintenance.orElse(oneYearFrom(start)), null), type, issueDay);
        }
        LocalDate usageUntil = usage.orElse(type == LicenseType.TRIAL ? start.plusDays(TRIAL_DAYS - 1) : oneYearFrom(start));
        return checked(new IssuePeriod(maintenance.orElse(usageUntil), usageUntil), type, issueDay);
    }

    /** Whether the date that decides the period's length was given: maintenance for perpetual, else usage. */
    static boolean givenExplicitly(LicenseType type, Optional<LocalDate> maintenance, Optional<LocalDate> usage) {
        return type == LicenseType.PERPETUAL ? maintenance.isPresent() : usage.isPresent();
    }

    /**
     * The last day of one year that starts on {@code start}: the day before its anniversary, so 2026-03-15 gives
     * 2027-03-14. A year from 29 February ends on 28 February (365 days; the anniversary in a common year is taken
     * as 1 March), so that renewing it again the day after starts on 1 March and a chain of renewals never drifts.
     */
    static LocalDate oneYearFrom(LocalDate start) {
        if (start.getMonth() == Month.FEBRUARY && start.getDayOfMonth() == 29) {
            return start.plusYears(1).withDayOfMonth(28);
        }
        return start.plusYears(1).minusDays(1);
    }

    private static IssuePeriod checked(IssuePeriod period, LicenseType type, LocalDate issueDay) throws IssuerException {
        if (period.usageUntil != null) {
            notBefore(issueDay, "--usage-until", period.usageUntil);
            if (period.maintenanceUntil.isAfter(period.usageUntil)) {
                throw IssuerException.refused("--maintenance-until " + period.maintenanceUntil + " is after the end of"
                        + " usage " + period.usageUntil + "; a " + type.claimValue()
                        + " has maintenance only while it may be used");
            }
        }
        notBefore(issueDay, "--maintenance-until", period.maintenanceUntil);
        return period;
    }

    private static void notBefore(LocalDate issueDay, String option, LocalDate date) throws IssuerException {
        if (date.isBefore(issueDay)) {
            throw IssuerException.refused(option + " " + date + " is before the issue date " + issueDay
                    + "; such a key would be over on arrival");
        }
    }
}

package com.netvizura.license.service;

import com.netvizura.license.model.LicenseStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The moments reminder mail goes out (DESIGN.md section 9): 30, 14, 7 and 1 days before the last day of maintenance
 * and of usage, the first day of grace, and when the license stops being usable; in hardware grace (section 13) on
 * its first day and 3 days before its last day. Declared from the most urgent to
 * the least: when several are crossed at once (a server started 6 days before the end), only the first is sent and
 * the others count as done with it.
 */
public enum ReminderThreshold {
    /** The license no longer lets NetVizura run normally (expired, another machine, version not covered...). */
    STOPPED("stopped", Kind.STOPPED, 0),
    /** The hardware grace ends within 3 days. */
    HARDWARE_GRACE_3("hardware-grace-3", Kind.HARDWARE_GRACE, 3),
    /** This server stopped matching the key; the hardware grace runs. */
    HARDWARE_GRACE_STARTED("hardware-grace", Kind.HARDWARE_GRACE, 0),
    /** Usage has ended; the grace days run. */
    GRACE_STARTED("grace", Kind.GRACE, 0),
    USAGE_1("usage-1", Kind.USAGE, 1),
    MAINTENANCE_1("maintenance-1", Kind.MAINTENANCE, 1),
    USAGE_7("usage-7", Kind.USAGE, 7),
    MAINTENANCE_7("maintenance-7", Kind.MAINTENANCE, 7),
    USAGE_14("usage-14", Kind.USAGE, 14),
    MAINTENANCE_14("maintenance-14", Kind.MAINTENANCE, 14),
    USAGE_30("usage-30", Kind.USAGE, 30),
    MAINTENANCE_30("maintenance-30", Kind.MAINTENANCE, 30);

    /** What a threshold is about. */
    public enum Kind {
        STOPPED, GRACE, USAGE, MAINTENANCE, HARDWARE_GRACE
    }

    private final String key;
    private final Kind kind;
    private final int daysBefore;

    ReminderThreshold(String key, Kind kind, int daysBefore) {
        this.key = key;
        this.kind = kind;
        this.daysBefore = daysBefore;
    }

    /** The name in {@code state.properties}, e.g. {@code usage-7}. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** Days before the last day from which this threshold counts as crossed; 0 for grace and stopped. */
    public int daysBefore() {
        return daysBefore;
    }

    public static Optional<ReminderThreshold> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /**
     * The thresholds {@code report} has crossed, most urgent first. A days-before threshold counts from its day up to
     * and including the last day; after the last day grace or stopped take over. Without a readable license there
     * is nothing to remind of (no license id to remember it by; the License page says what is wrong).
     */
    static Set<ReminderThreshold> crossed(LicenseStatusReport report) {
        Set<ReminderThreshold> crossed = EnumSet.noneOf(ReminderThreshold.class);
        if (report.license().isEmpty()) {
            return crossed;
        }
        if (!report.operational()) {
            crossed.add(STOPPED);
        }
        if (report.status() == LicenseStatus.GRACE) {
            crossed.add(GRACE_STARTED);
        }
        Optional<LocalDate> hardwareGraceUntil = report.lastDay(LicenseStatusReport.End.HARDWARE_GRACE);
        if (report.status() == LicenseStatus.HARDWARE_GRACE && hardwareGraceUntil.isPresent()) {
            crossed.add(HARDWARE_GRACE_STARTED);
            LocalDate today = LocalDate.ofInstant(report.checkedAt(), report.zone());
            if (ChronoUnit.DAYS.between(today, hardwareGraceUntil.get()) <= HARDWARE_GRACE_3.daysBefore) {
                crossed.add(HARDWARE_GRACE_3);
            }
        }
        for (ReminderThreshold t : values()) {
            OptionalLong daysLeft = t.kind == Kind.USAGE ? report.verdict().daysUntilUsageEnds()
                    : t.kind == Kind.MAINTENANCE ? report.verdict().daysUntilMaintenanceEnds() : OptionalLong.empty();
            if (daysLeft.isPresent() && daysLeft.getAsLong() >= 0 && daysLeft.getAsLong() <= t.daysBefore) {
                crossed.add(t);
            }
        }
        return crossed;
    }
}

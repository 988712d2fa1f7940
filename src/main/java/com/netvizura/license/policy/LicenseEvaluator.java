package com.netvizura.license.policy;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides what the current license allows on this server today: a pure function of the verified license (or none),
 * this machine, the clock and the build's release date. It reads no files and keeps no state, so it may be called
 * again whenever the day changes.
 *
 * <p>Precedence, first match wins. Conditions that stop NetVizura come before those that let it run, so the
 * headline is always the problem the admin must fix first:
 * <ol>
 * <li>{@code NOT_YET_VALID}: {@code iat} lies more than 24 hours after the clock (the server's clock is likely wrong,
 *     which would make every other date check meaningless);</li>
 * <li>{@code OTHER_MACHINE}: the key's installation code does not match this machine;</li>
 * <li>{@code EXPIRED}: subscription or trial after the last day of grace ({@code usage_until} + 14 days);</li>
 * <li>{@code VERSION_NOT_COVERED}: this build was released after {@code maintenance_until}; it outranks grace, so
 *     that a lapsed subscription cannot run a newer version during its grace days;</li>
 * <li>{@code GRACE}: subscription or trial after {@code usage_until}, up to and including its last day of grace;</li>
 * <li>{@code MAINTENANCE_ENDED}: today is after {@code maintenance_until}; NetVizura keeps running;</li>
 * <li>{@code VALID}.</li>
 * </ol>
 *
 * <p>Dates are calendar dates in the clock's zone, and every "until" day is included: on {@code maintenance_until}
 * this build is still maintained, the next day it is not; a release on {@code maintenance_until} is covered.
 *
 * <p>Severity: non-operational statuses are {@code ERROR}; {@code GRACE} and {@code MAINTENANCE_ENDED} are
 * {@code WARNING}; {@code VALID} is {@code OK}, or {@code WARNING} with a note when usage or maintenance ends within
 * 30 days (the last day 30 days from today included). A machine match that passed although some components changed
 * adds an {@code INFO} note.
 */
public final class LicenseEvaluator {

    /** Days a subscription or trial keeps running after {@code usage_until}. */
    public static final int GRACE_DAYS = 14;
    /** A VALID license whose usage or maintenance ends within this many days is shown as a warning. */
    public static final int WARNING_DAYS = 30;
    /** How far {@code iat} may lie ahead of the clock (clocks of vendor and customer differ, time zones too). */
    public static final Duration ISSUED_AT_TOLERANCE = Duration.ofHours(24);
    /** Whom sentences name when the caller names no one. */
    public static final String DEFAULT_VENDOR_EMAIL = "sales@netvizura.com";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ThisMachine machine;
    private final Clock clock;
    private final BuildInfo build;
    private final String vendorEmail;

    /** An evaluator whose sentences send the admin to {@value #DEFAULT_VENDOR_EMAIL}. */
    public LicenseEvaluator(ThisMachine machine, Clock clock, BuildInfo build) {
        this(machine, clock, build, DEFAULT_VENDOR_EMAIL);
    }

    /**
     * @param vendorEmail the address sentences tell the admin to contact (the {@code vendorEmail} setting)
     */
    public LicenseEvaluator(ThisMachine machine, Clock clock, BuildInfo build, String vendorEmail) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.build = Objects.requireNonNull(build, "build");
        this.vendorEmail = Objects.requireNonNull(vendorEmail, "vendorEmail");
    }

    /** The verdict for the active license, or {@code NO_LICENSE} when none is installed. */
    public Verdict evaluate(Optional<License> license) {
        return license.map(this::evaluate).orElseGet(this::noLicense);
    }

    /**
     * The verdict for a key on disk that no longer verifies (edited, swapped, or signed by a key not trusted).
     *
     * @param reasonSentence why it does not verify, one admin sentence ending with a full stop
     */
    public Verdict invalid(String reasonSentence) {
        Objects.requireNonNull(reasonSentence, "reasonSentence");
        return new Verdict(LicenseStatus.INVALID, Severity.ERROR,
                Messages.get("policy.invalid", reasonSentence, vendorEmail),
                Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }

    private Verdict noLicense() {
        return new Verdict(LicenseStatus.NO_LICENSE, Severity.ERROR, Messages.get("policy.noLicense", vendorEmail),
                Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }

    private Verdict evaluate(License license) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        MachineMatch match = machine.compareWith(license.installationCode());
        LicenseStatus status = statusOf(license, now, today, match);

        long daysUntilMaintenanceEnds = ChronoUnit.DAYS.between(today, license.maintenanceUntil());
        OptionalLong daysUntilUsageEnds = license.usageUntilIfAny()
                .map(day -> OptionalLong.of(ChronoUnit.DAYS.between(today, day)))
                .orElseGet(OptionalLong::empty);

        Verdict verdict = new Verdict(status, baseSeverity(status), explain(status, license, now, match),
                Optional.of(license), OptionalLong.of(daysUntilMaintenanceEnds), daysUntilUsageEnds,
                license.usageUntilIfAny().map(LicenseEvaluator::lastDayOfGrace), Optional.of(match), List.of());
        return withNotes(verdict, license, match, daysUntilMaintenanceEnds, daysUntilUsageEnds);
    }

    private LicenseStatus statusOf(License license, Instant now, LocalDate today, MachineMatch match) {
        Optional<LocalDate> usageUntil = license.usageUntilIfAny();
        if (license.issuedAt().isAfter(now.plus(ISSUED_AT_TOLERANCE))) {
            return LicenseStatus.NOT_YET_VALID;
        }
        if (!match.matches()) {
            return LicenseStatus.OTHER_MACHINE;
        }
        if (usageUntil.isPresent() && today.isAfter(lastDayOfGrace(usageUntil.get()))) {
            return LicenseStatus.EXPIRED;
        }
        if (build.releaseDate().isAfter(license.maintenanceUntil())) {
            return LicenseStatus.VERSION_NOT_COVERED;
        }
        if (usageUntil.isPresent() && today.isAfter(usageUntil.get())) {
            return LicenseStatus.GRACE;
        }
        if (today.isAfter(license.maintenanceUntil())) {
            return LicenseStatus.MAINTENANCE_ENDED;
        }
        return LicenseStatus.VALID;
    }

    private static Severity baseSeverity(LicenseStatus status) {
        if (!status.operational()) {
            return Severity.ERROR;
        }
        return status == LicenseStatus.VALID ? Severity.OK : Severity.WARNING;
    }

    private String explain(LicenseStatus status, License license, Instant now, MachineMatch match) {
        String maintenanceUntil = license.maintenanceUntil().toString();
        String usageUntil = license.usageUntilIfAny().map(LocalDate::toString).orElse("");
        String lastDayOfGrace = license.usageUntilIfAny().map(d -> lastDayOfGrace(d).toString()).orElse("");
        return switch (status) {
            case NOT_YET_VALID -> Messages.get("policy.notYetValid",
                    dateTime(license.issuedAt()), dateTime(now), vendorEmail);
            case OTHER_MACHINE -> match.changed().isEmpty()
                    ? Messages.get("policy.otherMachine.rule", match.rule(), vendorEmail)
                    : Messages.get("policy.otherMachine", match.changeSentence(), vendorEmail);
            case EXPIRED -> Messages.get("policy.expired", typeWord(license), usageUntil, lastDayOfGrace, vendorEmail);
            case VERSION_NOT_COVERED -> Messages.get("policy.versionNotCovered",
                    build.version(), build.releaseDate().toString(), maintenanceUntil, vendorEmail);
            case GRACE -> Messages.get("policy.grace", typeWord(license), usageUntil, lastDayOfGrace, vendorEmail);
            case MAINTENANCE_ENDED -> Messages.get("policy.maintenanceEnded", maintenanceUntil, vendorEmail);
            case VALID -> Messages.get("policy.valid." + license.type().claimValue(),
                    license.licensee(), license.id(), maintenanceUntil, usageUntil, vendorEmail);
            case NO_LICENSE, INVALID -> throw new IllegalStateException("not a status of a verified license: " + status);
        };
    }

    private Verdict withNotes(Verdict verdict, License license, MachineMatch match,
                              long daysUntilMaintenanceEnds, OptionalLong daysUntilUsageEnds) {
        Verdict result = verdict;
        LicenseStatus status = verdict.status();
        boolean usageEndsSoon = false;
        if ((status == LicenseStatus.VALID || status == LicenseStatus.MAINTENANCE_ENDED)
                && daysUntilUsageEnds.isPresent() && endsSoon(daysUntilUsageEnds.getAsLong())) {
            usageEndsSoon = true;
            result = result.withNote(Messages.get("policy.note.usageEndsSoon", typeWord(license),
                    license.usageUntil().toString(), daysUntilUsageEnds.getAsLong(), vendorEmail), Severity.WARNING);
        }
        // A subscription's maintenance usually ends with its usage; one note then says it all.
        boolean sameDayAsUsage = usageEndsSoon && license.maintenanceUntil().equals(license.usageUntil());
        if (status == LicenseStatus.VALID && endsSoon(daysUntilMaintenanceEnds) && !sameDayAsUsage) {
            result = result.withNote(Messages.get("policy.note.maintenanceEndsSoon",
                    license.maintenanceUntil().toString(), daysUntilMaintenanceEnds, vendorEmail), Severity.WARNING);
        }
        if (match.matches() && !match.changed().isEmpty()) {
            result = result.withNote(Messages.get("policy.note.componentsChanged",
                    match.changeSentence(), vendorEmail), Severity.INFO);
        }
        return result;
    }

    private static boolean endsSoon(long daysUntilLastDay) {
        return daysUntilLastDay >= 0 && daysUntilLastDay <= WARNING_DAYS;
    }

    private static LocalDate lastDayOfGrace(LocalDate usageUntil) {
        return usageUntil.plusDays(GRACE_DAYS);
    }

    private static String typeWord(License license) {
        return Messages.get("policy.type." + license.type().claimValue());
    }

    private String dateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, clock.getZone()).format(DATE_TIME);
    }
}

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
 * <li>{@code OTHER_MACHINE}: the key's installation code does not match this machine, unless the key's hardware grace
 *     still runs (section 13: from the first day the mismatch was seen, which the caller passes in, for
 *     {@code hardware_grace_days} more days);</li>
 * <li>{@code EXPIRED}: subscription or trial after the last day of grace ({@code usage_until} + 14 days);</li>
 * <li>{@code VERSION_NOT_COVERED}: this build was released after {@code maintenance_until}; it outranks grace, so
 *     that a lapsed subscription cannot run a newer version during its grace days;</li>
 * <li>{@code GRACE}: subscription or trial after {@code usage_until}, up to and including its last day of grace;</li>
 * <li>{@code HARDWARE_GRACE}: the machine does not match and the hardware grace runs; it outranks the two below and
 *     {@code GRACE}, because it stops NetVizura on a day of its own and only a new key from the vendor helps;</li>
 * <li>{@code MAINTENANCE_ENDED}: today is after {@code maintenance_until}; NetVizura keeps running;</li>
 * <li>{@code VALID}.</li>
 * </ol>
 *
 * <p>Dates are calendar dates in the clock's zone, and every "until" day is included: on {@code maintenance_until}
 * this build is still maintained, the next day it is not; a release on {@code maintenance_until} is covered.
 *
 * <p>Severity: non-operational statuses are {@code ERROR}; {@code GRACE}, {@code HARDWARE_GRACE} and
 * {@code MAINTENANCE_ENDED} are {@code WARNING}; {@code VALID} is {@code OK}, or {@code WARNING} with a note when
 * usage or maintenance ends within 30 days (the last day 30 days from today included). A machine match that passed
 * although some components changed adds an {@code INFO} note.
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

    /**
     * The verdict for a license as a new key: no hardware grace, since a key that never matched this server has
     * nothing to be a grace for ({@code NO_LICENSE} without a license).
     */
    public Verdict evaluate(Optional<License> license) {
        return license.map(l -> evaluate(l, Optional.empty(), false)).orElseGet(this::noLicense);
    }

    /**
     * The verdict for the active license, whose hardware grace (if the key gives one) counts from
     * {@code firstMismatchDay}: the day this server was first seen not to match the key, as recorded for its license
     * id; empty when none is recorded yet, so that today is the first day.
     */
    public Verdict evaluateActive(Optional<License> license, Optional<LocalDate> firstMismatchDay) {
        Objects.requireNonNull(firstMismatchDay, "firstMismatchDay");
        return license.map(l -> evaluate(l, firstMismatchDay, true)).orElseGet(this::noLicense);
    }

    /**
     * The last day of the hardware grace of {@code license} when this server does not match it: the first day the
     * mismatch was seen (today when none is recorded) plus {@code hardware_grace_days}; empty when the key gives none.
     * The grace may lie in the past: once per license id.
     */
    public static Optional<LocalDate> lastDayOfHardwareGrace(License license, Optional<LocalDate> firstMismatchDay,
            LocalDate today) {
        return license.hardwareGraceDays() == 0 ? Optional.empty()
                : Optional.of(firstMismatchDay.orElse(today).plusDays(license.hardwareGraceDays()));
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

    private Verdict evaluate(License license, Optional<LocalDate> firstMismatchDay, boolean active) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        MachineMatch match = machine.compareWith(license.installationCode());
        Optional<LocalDate> hardwareGraceUntil = active && !match.matches()
                ? lastDayOfHardwareGrace(license, firstMismatchDay, today) : Optional.empty();
        boolean inHardwareGrace = hardwareGraceUntil.filter(last -> !today.isAfter(last)).isPresent();
        LicenseStatus status = statusOf(license, now, today, match, inHardwareGrace);

        long daysUntilMaintenanceEnds = ChronoUnit.DAYS.between(today, license.maintenanceUntil());
        OptionalLong daysUntilUsageEnds = license.usageUntilIfAny()
                .map(day -> OptionalLong.of(ChronoUnit.DAYS.between(today, day)))
                .orElseGet(OptionalLong::empty);

        String explanation = status == LicenseStatus.HARDWARE_GRACE
                ? hardwareGrace(license, match, hardwareGraceUntil.get(), today)
                : explain(status, license, now, match);
        Verdict verdict = new Verdict(status, baseSeverity(status), explanation,
                Optional.of(license), OptionalLong.of(daysUntilMaintenanceEnds), daysUntilUsageEnds,
                license.usageUntilIfAny().map(LicenseEvaluator::lastDayOfGrace), Optional.of(match), List.of(),
                status == LicenseStatus.HARDWARE_GRACE ? hardwareGraceUntil : Optional.empty());
        if (status == LicenseStatus.OTHER_MACHINE && hardwareGraceUntil.isPresent()) {
            verdict = verdict.withNote(Messages.get("policy.note.hardwareGraceEnded",
                    hardwareGraceUntil.get().toString(), license.id()), Severity.ERROR);
        }
        return withNotes(verdict, license, match, daysUntilMaintenanceEnds, daysUntilUsageEnds);
    }

    private String hardwareGrace(License license, MachineMatch match, LocalDate lastDay, LocalDate today) {
        String changed = match.changed().isEmpty() ? match.rule() : match.changeSentence();
        return Messages.get("policy.hardwareGrace", license.id(), changed, lastDay.toString(),
                ChronoUnit.DAYS.between(today, lastDay), vendorEmail);
    }

    private LicenseStatus statusOf(License license, Instant now, LocalDate today, MachineMatch match,
            boolean inHardwareGrace) {
        Optional<LocalDate> usageUntil = license.usageUntilIfAny();
        if (license.issuedAt().isAfter(now.plus(ISSUED_AT_TOLERANCE))) {
            return LicenseStatus.NOT_YET_VALID;
        }
        if (!match.matches() && !inHardwareGrace) {
            return LicenseStatus.OTHER_MACHINE;
        }
        if (usageUntil.isPresent() && today.isAfter(lastDayOfGrace(usageUntil.get()))) {
            return LicenseStatus.EXPIRED;
        }
        if (build.releaseDate().isAfter(license.maintenanceUntil())) {
            return LicenseStatus.VERSION_NOT_COVERED;
        }
        if (!match.matches()) {
            return LicenseStatus.HARDWARE_GRACE;
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
            case NO_LICENSE, INVALID, HARDWARE_GRACE ->
                    throw new IllegalStateException("not explained here: " + status);
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

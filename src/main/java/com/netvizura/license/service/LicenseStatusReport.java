package com.netvizura.license.service;

import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The license as monitoring sees it (status API, metrics, reminder mail): the service's cached verdict with the
 * numbers around it, taken in one piece so that one answer never mixes two verdicts. Building it reads no file and
 * checks no signature.
 *
 * @param verdict           the cached verdict
 * @param installationCode  this server's Installation Code
 * @param epoch             the license-change counter
 * @param checkedAt         when the verdict was last evaluated or confirmed
 * @param refusedSinceStart keys refused since the service started
 * @param zone              the server's time zone, in which every last day ends
 */
public record LicenseStatusReport(Verdict verdict, String installationCode, long epoch, Instant checkedAt,
        long refusedSinceStart, ZoneId zone) {

    /** The ends a license can have; each one that applies has a last day. */
    public enum End {
        MAINTENANCE, USAGE, GRACE, HARDWARE_GRACE
    }

    public LicenseStatusReport {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(installationCode, "installationCode");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(zone, "zone");
    }

    public LicenseStatus status() {
        return verdict.status();
    }

    public boolean operational() {
        return verdict.operational();
    }

    /**
     * {@code OK}, {@code WARNING} or {@code ERROR}: the verdict's severity, where a mere {@code INFO} note (some
     * hardware changed, the key still fits) counts as {@code OK}, because nothing needs to be done.
     */
    public Severity severity() {
        return verdict.severity() == Severity.INFO ? Severity.OK : verdict.severity();
    }

    public Optional<License> license() {
        return verdict.license();
    }

    /** Whether the key fits this server; empty without a readable key. */
    public Optional<Boolean> machineMatches() {
        return verdict.machineMatch().map(MachineMatch::matches);
    }

    /** The last day of {@code end} (inclusive), empty when the license has no such end or there is no license. */
    public Optional<LocalDate> lastDay(End end) {
        return switch (end) {
            case MAINTENANCE -> verdict.license().map(License::maintenanceUntil);
            case USAGE -> verdict.license().flatMap(License::usageUntilIfAny);
            case GRACE -> verdict.graceUntil();
            case HARDWARE_GRACE -> verdict.hardwareGraceUntil();
        };
    }

    /** The instant {@code end} is over: the start of the day after its last day, in the server's time zone. */
    public Optional<Instant> endsAt(End end) {
        return lastDay(end).map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}

package com.netvizura.license.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the current license allows here and now, with the numbers a UI needs.
 *
 * @param status                   the status
 * @param severity                 how urgently the admin should act
 * @param explanation              one admin-readable sentence: what it means and what to do
 * @param license                  the license evaluated, absent for {@link LicenseStatus#NO_LICENSE} and unreadable keys
 * @param daysUntilMaintenanceEnds days from today to the last day of maintenance (0 on that day, negative after)
 * @param daysUntilUsageEnds       days from today to the last day of usage, absent for perpetual licenses
 * @param graceUntil               the last day of grace ({@code usage_until} plus the grace days), absent for
 *                                 perpetual licenses and without a license
 * @param machineMatch             the machine comparison, absent when there was no license to compare
 * @param notes                    further sentences for the admin (components changed, clock set back)
 * @param hardwareGraceUntil       the last day of hardware grace, present only in {@link LicenseStatus#HARDWARE_GRACE}
 */
public record Verdict(
        LicenseStatus status,
        Severity severity,
        String explanation,
        Optional<License> license,
        OptionalLong daysUntilMaintenanceEnds,
        OptionalLong daysUntilUsageEnds,
        Optional<LocalDate> graceUntil,
        Optional<MachineMatch> machineMatch,
        List<String> notes,
        Optional<LocalDate> hardwareGraceUntil) {

    public Verdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(daysUntilMaintenanceEnds, "daysUntilMaintenanceEnds");
        Objects.requireNonNull(daysUntilUsageEnds, "daysUntilUsageEnds");
        Objects.requireNonNull(graceUntil, "graceUntil");
        Objects.requireNonNull(machineMatch, "machineMatch");
        notes = List.copyOf(notes);
        Objects.requireNonNull(hardwareGraceUntil, "hardwareGraceUntil");
    }

    /** A verdict outside hardware grace. */
    public Verdict(LicenseStatus status, Severity severity, String explanation, Optional<License> license,
            OptionalLong daysUntilMaintenanceEnds, OptionalLong daysUntilUsageEnds, Optional<LocalDate> graceUntil,
            Optional<MachineMatch> machineMatch, List<String> notes) {
        this(status, severity, explanation, license, daysUntilMaintenanceEnds, daysUntilUsageEnds, graceUntil,
                machineMatch, notes, Optional.empty());
    }

    /** Whether NetVizura may run normally. */
    public boolean operational() {
        return status.operational();
    }

    /** This verdict with one more note (and at least the given severity). */
    public Verdict withNote(String note, Severity atLeast) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        Severity s = atLeast.compareTo(severity) > 0 ? atLeast : severity;
        return new Verdict(status, s, explanation, license, daysUntilMaintenanceEnds, daysUntilUsageEnds, graceUntil,
                machineMatch, more, hardwareGraceUntil);
    }
}

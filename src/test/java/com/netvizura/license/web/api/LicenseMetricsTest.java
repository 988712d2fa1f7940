package com.netvizura.license.web.api;

import com.netvizura.license.it.Promtool;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.service.LicenseStatusReport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The metrics as the client writes them, checked by promtool. A licensee with a real line feed cannot come from a
 * key (the verifier refuses control characters in {@code sub}), but the writer must cope with one all the same.
 */
class LicenseMetricsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");
    private static final String LICENSEE = "ACME \"Quote\" Back\\slash\nNew Line Ltd";

    private static LicenseStatusReport subscription(LicenseStatus status) {
        License license = new License("NVZ-2026-000123", Instant.parse("2026-01-01T00:00:00Z"), LICENSEE, null,
                LicenseType.SUBSCRIPTION, LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-31"), "NVZ1-X",
                List.of("netflow"), Map.of("devices", 100L), null, Map.of());
        Verdict verdict = new Verdict(status, Severity.OK, "ok", Optional.of(license), OptionalLong.of(30),
                OptionalLong.of(30), Optional.of(LocalDate.parse("2027-01-14")), Optional.of(new MachineMatch(status != LicenseStatus.OTHER_MACHINE, Set.of(),
                Set.of(), "rule")), List.of());
        return new LicenseStatusReport(verdict, "NVZ1-X", 3, Instant.parse("2026-12-01T10:00:00Z"), 2, ZONE);
    }

    private static String text(LicenseStatusReport report) {
        LicenseMetrics.Exposition e = LicenseMetrics.of(report, "text/plain");
        return new String(e.body(), StandardCharsets.UTF_8);
    }

    @Test
    void subscription_allMetricsWithEscapedLabels_passPromtool() {
        String metrics = text(subscription(LicenseStatus.VALID));
        Promtool.Result check = Promtool.checkMetrics(metrics);

        // The end of 2026-12-31 in Belgrade (UTC+1) is 2026-12-31T23:00:00Z; grace ends 14 days later.
        long usageEnd = Instant.parse("2026-12-31T23:00:00Z").getEpochSecond();
        long graceEnd = Instant.parse("2027-01-14T23:00:00Z").getEpochSecond();
        assertAll(
                () -> assertTrue(check.ok(), check.output() + "\n" + metrics),
                () -> assertTrue(metrics.contains("licensee=\"ACME \\\"Quote\\\" Back\\\\slash\\nNew Line Ltd\""),
                        metrics),
                () -> assertTrue(metrics.contains("# TYPE netvizura_license_info gauge"), metrics),
                () -> assertTrue(metrics.contains("status=\"VALID\""), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_operational 1.0"), metrics),
                () -> assertEquals(usageEnd, value(metrics, "netvizura_license_expiry_timestamp_seconds{kind=\"usage\"}")),
                () -> assertEquals(usageEnd,
                        value(metrics, "netvizura_license_expiry_timestamp_seconds{kind=\"maintenance\"}")),
                () -> assertEquals(graceEnd, value(metrics, "netvizura_license_expiry_timestamp_seconds{kind=\"grace\"}")),
                () -> assertTrue(metrics.contains("netvizura_license_machine_match 1.0"), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_changes_total 3.0"), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_refused_total 2.0"), metrics));
    }

    @Test
    void otherMachine_machineMatch0_operational0() {
        String metrics = text(subscription(LicenseStatus.OTHER_MACHINE));

        assertTrue(metrics.contains("netvizura_license_machine_match 0.0"), metrics);
        assertTrue(metrics.contains("netvizura_license_operational 0.0"), metrics);
        assertTrue(Promtool.checkMetrics(metrics).ok());
    }

    @Test
    void hardwareGrace_kindHardwareGraceEndsAtTheEndOfItsLastDay_absentOtherwise() {
        LicenseStatusReport valid = subscription(LicenseStatus.VALID);
        Verdict v = valid.verdict();
        Verdict inGrace = new Verdict(LicenseStatus.HARDWARE_GRACE, Severity.WARNING, "moved", v.license(),
                v.daysUntilMaintenanceEnds(), v.daysUntilUsageEnds(), v.graceUntil(),
                Optional.of(new MachineMatch(false, Set.of(), Set.of(), "rule")), List.of(),
                Optional.of(LocalDate.parse("2026-12-15")));
        String metrics = text(new LicenseStatusReport(inGrace, "NVZ1-X", 3, valid.checkedAt(), 0, ZONE));

        assertEquals(Instant.parse("2026-12-15T23:00:00Z").getEpochSecond(),
                value(metrics, "netvizura_license_expiry_timestamp_seconds{kind=\"hardware_grace\"}"));
        assertTrue(metrics.contains("netvizura_license_operational 1.0"), metrics);
        assertTrue(Promtool.checkMetrics(metrics).ok());
        assertFalse(text(valid).contains("hardware_grace"));
    }

    @Test
    void noLicense_infoWithStatusOnly_noEndsNoMachineMatch() {
        Verdict none = new Verdict(LicenseStatus.NO_LICENSE, Severity.ERROR, "none", Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of());
        String metrics = text(new LicenseStatusReport(none, "NVZ1-X", 0, Instant.EPOCH, 0, ZONE));

        assertAll(
                () -> assertTrue(Promtool.checkMetrics(metrics).ok(), metrics),
                () -> assertTrue(metrics.contains("status=\"NO_LICENSE\""), metrics),
                () -> assertFalse(metrics.contains("netvizura_license_expiry_timestamp_seconds{"), metrics),
                () -> assertFalse(metrics.contains("netvizura_license_machine_match"), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_operational 0.0"), metrics));
    }

    @Test
    void acceptOpenMetrics_answersOpenMetrics() {
        LicenseMetrics.Exposition e = LicenseMetrics.of(subscription(LicenseStatus.VALID),
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        String body = new String(e.body(), StandardCharsets.UTF_8);

        assertTrue(e.contentType().startsWith("application/openmetrics-text; version=1.0.0"), e.contentType());
        assertTrue(body.endsWith("# EOF\n"), body);
        assertTrue(body.contains("netvizura_license_info{"), body);
    }

    @Test
    void noAcceptHeader_answersTheTextFormat() {
        assertTrue(LicenseMetrics.of(subscription(LicenseStatus.VALID), null).contentType()
                .startsWith("text/plain; version=0.0.4"));
    }

    private static long value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> (long) Double.parseDouble(l.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError(series + " missing in\n" + metrics));
    }
}

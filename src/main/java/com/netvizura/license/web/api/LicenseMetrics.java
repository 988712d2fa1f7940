package com.netvizura.license.web.api;

import com.netvizura.license.model.License;
import com.netvizura.license.model.Usage;
import com.netvizura.license.service.LicenseStatusReport.End;
import com.netvizura.license.service.LicenseStatusReport;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of {@code GET /api/license/metrics} (DESIGN.md section 8, fixed names), written by the official
 * Prometheus client: snapshots of the one report of this scrape, in the Prometheus text format, or OpenMetrics when
 * the {@code Accept} header asks for it. The client escapes label values, which carry the licensee's name.
 *
 * <p>Every value comes from the service's cached status at scrape time, so there are no metric objects with state
 * of their own: a kind of end that does not apply (a perpetual license's usage) and the machine match without a
 * license are absent, not 0. {@code netvizura_license_info} is the client's info type: a gauge of 1 in the text
 * format, {@code info} in OpenMetrics; the series is {@code netvizura_license_info} in both.
 */
public final class LicenseMetrics {

    private static final ExpositionFormatWriter TEXT = PrometheusTextFormatWriter.create();
    private static final ExpositionFormatWriter OPEN_METRICS = OpenMetricsTextFormatWriter.create();

    /** The answer: its content type and body. */
    record Exposition(String contentType, byte[] body) {
    }

    private LicenseMetrics() {
    }

    /** The metrics of {@code report} in the format {@code accept} asks for (text unless OpenMetrics is named). */
    static Exposition of(LicenseStatusReport report, String accept) {
        return of(report, Map.of(), accept);
    }

    /** As {@link #of(LicenseStatusReport, String)}, with the usage of each name (DESIGN.md section 11). */
    static Exposition of(LicenseStatusReport report, Map<String, Usage> usage, String accept) {
        ExpositionFormatWriter writer = OPEN_METRICS.accepts(accept) ? OPEN_METRICS : TEXT;
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            writer.write(out, withUsage(snapshots(report), report, usage));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array never fails
        }
        return new Exposition(writer.getContentType(), out.toByteArray());
    }

    static MetricSnapshots snapshots(LicenseStatusReport report) {
        Optional<License> license = report.license();
        InfoSnapshot info = InfoSnapshot.builder()
                .name("netvizura_license")
                .help("The license applied: id, licensee, type and status (always 1)")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(
                        "license_id", license.map(License::id).orElse(""),
                        "licensee", license.map(License::licensee).orElse(""),
                        "type", license.map(l -> l.type().claimValue()).orElse(""),
                        "status", report.status().name())).build())
                .build();
        GaugeSnapshot.Builder expiry = GaugeSnapshot.builder()
                .name("netvizura_license_expiry_timestamp_seconds")
                .help("End of the last day of maintenance, usage, grace or hardware grace (server time zone),"
                        + " as Unix seconds");
        for (End end : End.values()) {
            Optional<Instant> at = report.endsAt(end);
            at.ifPresent(instant -> expiry.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("kind", end.name().toLowerCase(Locale.ROOT)))
                    .value(instant.getEpochSecond()).build()));
        }
        GaugeSnapshot.Builder machine = GaugeSnapshot.builder()
                .name("netvizura_license_machine_match")
                .help("1 when the license key fits this server, 0 when it belongs to another one");
        report.machineMatches().ifPresent(matches -> machine.dataPoint(gauge(matches ? 1 : 0)));
        return MetricSnapshots.of(
                info,
                GaugeSnapshot.builder()
                        .name("netvizura_license_operational")
                        .help("1 when NetVizura may run normally under its license, else 0")
                        .dataPoint(gauge(report.operational() ? 1 : 0)).build(),
                expiry.build(),
                machine.build(),
                counter("netvizura_license_changes", "License changes (the epoch of the data directory)",
                        report.epoch()),
                counter("netvizura_license_refused", "License keys refused since NetVizura started",
                        report.refusedSinceStart()));
    }

    /**
     * {@code netvizura_license_usage{name}}: the last count reported of each name; {@code netvizura_license_limit{name}}:
     * every limit the license names, reported or not. Both present (without points) when there are none.
     */
    static MetricSnapshots withUsage(MetricSnapshots base, LicenseStatusReport report, Map<String, Usage> usage) {
        GaugeSnapshot.Builder inUse = GaugeSnapshot.builder().name("netvizura_license_usage")
                .help("The count in use of each usage name, as last reported (e.g. devices)");
        usage.forEach((name, u) -> inUse.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of("name", name)).value(u.inUse()).build()));
        GaugeSnapshot.Builder limit = GaugeSnapshot.builder().name("netvizura_license_limit")
                .help("Each limit the license sets (e.g. devices); usage may go over it, the renewal must cover it");
        report.license().ifPresent(l -> l.limits().forEach((name, value) -> limit.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("name", name)).value(value).build())));
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        base.forEach(all::metricSnapshot);
        return all.metricSnapshot(inUse.build()).metricSnapshot(limit.build()).build();
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot gauge(double value) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build();
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build()).build();
    }
}

package com.netvizura.license.web.api;

import com.netvizura.license.model.License;
import com.netvizura.license.model.Usage;
import com.netvizura.license.service.LicenseStatusReport.End;
import com.netvizura.license.service.LicenseStatusReport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The body of {@code GET /api/license} (DESIGN.md section 8, fixed): one JSON object whose members are always all
 * there, {@code null} when they do not apply (no license, a perpetual license's usage end).
 */
public final class StatusJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private StatusJson() {
    }

    /** The report as UTF-8 JSON, with an empty {@code usage}. */
    static byte[] of(LicenseStatusReport report) {
        return of(report, Map.of());
    }

    /** The report as UTF-8 JSON, with the member {@code usage} (DESIGN.md section 11) by name. */
    static byte[] of(LicenseStatusReport report, Map<String, Usage> usage) {
        Optional<License> license = report.license();
        JsonObjectBuilder o = JSON.createObjectBuilder()
                .add("status", report.status().name())
                .add("operational", report.operational())
                .add("severity", report.severity().name())
                .add("explanation", report.verdict().explanation());
        text(o, "licenseId", license.map(License::id));
        text(o, "licensee", license.map(License::licensee));
        text(o, "type", license.map(l -> l.type().claimValue()));
        if (license.isPresent()) {
            JsonArrayBuilder modules = JSON.createArrayBuilder();
            license.get().modules().forEach(modules::add);
            JsonObjectBuilder limits = JSON.createObjectBuilder();
            license.get().limits().forEach(limits::add);
            o.add("modules", modules).add("limits", limits);
        } else {
            o.addNull("modules").addNull("limits");
        }
        text(o, "maintenanceUntil", report.lastDay(End.MAINTENANCE).map(LocalDate::toString));
        text(o, "usageUntil", report.lastDay(End.USAGE).map(LocalDate::toString));
        text(o, "graceUntil", report.lastDay(End.GRACE).map(LocalDate::toString));
        text(o, "hardwareGraceUntil", report.lastDay(End.HARDWARE_GRACE).map(LocalDate::toString));
        number(o, "daysUntilMaintenanceEnds", report.verdict().daysUntilMaintenanceEnds());
        number(o, "daysUntilUsageEnds", report.verdict().daysUntilUsageEnds());
        o.add("installationCode", report.installationCode());
        if (report.machineMatches().isPresent()) {
            o.add("machineMatches", report.machineMatches().get());
        } else {
            o.addNull("machineMatches");
        }
        o.add("epoch", report.epoch()).add("checkedAt", report.checkedAt().toString());
        o.add("usage", usage(usage));
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonWriter writer = JSON.createWriter(out)) {
            writer.writeObject(o.build());
        }
        return out.toByteArray();
    }

    private static JsonObjectBuilder usage(Map<String, Usage> usage) {
        JsonObjectBuilder byName = JSON.createObjectBuilder();
        usage.forEach((name, u) -> {
            JsonObjectBuilder one = JSON.createObjectBuilder().add("inUse", u.inUse());
            number(one, "limit", u.limit());
            one.add("peak30d", u.peak30d()).add("reportedAt", u.reportedAt().toString());
            text(one, "overSince", u.overSince().map(LocalDate::toString));
            byName.add(name, one);
        });
        return byName;
    }

    private static void text(JsonObjectBuilder o, String name, Optional<String> value) {
        if (value.isPresent()) {
            o.add(name, value.get());
        } else {
            o.addNull(name);
        }
    }

    private static void number(JsonObjectBuilder o, String name, OptionalLong value) {
        if (value.isPresent()) {
            o.add(name, value.getAsLong());
        } else {
            o.addNull(name);
        }
    }
}

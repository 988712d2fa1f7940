package com.netvizura.license.web.page;

import com.netvizura.license.model.License;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Verdict;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The current license as the License page and About show it: every value already in words and in the admin's
 * date format, computed once per view (pages read fields, never the service).
 *
 * @param hasLicense      whether a readable license is installed
 * @param status          the status in words, e.g. "Valid"
 * @param severity        CSS suffix for the status colour: {@code ok}, {@code info}, {@code warning}, {@code error}
 * @param explanation     the verdict's sentence
 * @param notes           further sentences (warnings, components changed, clock set back)
 * @param licenseId       the license id, or empty
 * @param licensee        licensed to, or empty
 * @param type            perpetual license, subscription or trial, or empty
 * @param modules         licensed modules, comma separated, or empty
 * @param limits          limits such as "devices: 100", or empty
 * @param issued          the issue day, or empty
 * @param maintenanceUntil last day of maintenance and support with the days left, or empty
 * @param usageUntil      last day of usage with the days left, or empty (perpetual: "never ends")
 * @param changeSentence  which hardware components changed when the key is bound to another machine, or empty
 * @param hardwareGraceUntil the last day of the hardware grace, or empty when not in it
 */
public record LicenseSummary(boolean hasLicense, String status, String severity, String explanation, List<String> notes,
        String licenseId, String licensee, String type, String modules, String limits, String issued,
        String maintenanceUntil, String usageUntil, String changeSentence, String hardwareGraceUntil)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public LicenseSummary {
        notes = List.copyOf(notes);
    }

    /** The date format of the License page and About: the locale's medium date, e.g. "Mar 15, 2027". */
    public static DateTimeFormatter dateFormat(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale);
    }

    public static LicenseSummary of(Verdict verdict, ZoneId zone, Locale locale) {
        DateTimeFormatter dates = dateFormat(locale);
        String status = Messages.get(locale, "web.status." + verdict.status().name());
        String severity = verdict.severity().name().toLowerCase(Locale.ROOT);
        String change = verdict.machineMatch().filter(m -> !m.matches()).map(m -> m.changeSentence()).orElse("");
        if (verdict.license().isEmpty()) {
            return new LicenseSummary(false, status, severity, verdict.explanation(), verdict.notes(), "", "", "", "",
                    "", "", "", "", change, "");
        }
        License l = verdict.license().get();
        String modules = String.join(", ", l.modules());
        String limits = l.limits().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        String usage = l.usageUntil() == null ? Messages.get(locale, "web.license.usageNeverEnds")
                : withDaysLeft(dates.format(l.usageUntil()), verdict.daysUntilUsageEnds(), locale);
        return new LicenseSummary(true, status, severity, verdict.explanation(), verdict.notes(), l.id(), l.licensee(),
                Messages.get(locale, "policy.type." + l.type().claimValue()), modules, limits,
                dates.format(LocalDate.ofInstant(l.issuedAt(), zone)),
                withDaysLeft(dates.format(l.maintenanceUntil()), verdict.daysUntilMaintenanceEnds(), locale),
                usage, change, verdict.hardwareGraceUntil().map(dates::format).orElse(""));
    }

    /**
     * The PrimeIcons class beside the status on the License page: a cross for an error, a triangle for a warning, a
     * tick otherwise (the colour comes from {@link #severity()}).
     */
    public String statusIcon() {
        return switch (severity) {
            case "error" -> "pi-times-circle";
            case "warning" -> "pi-exclamation-triangle";
            default -> "pi-check-circle";
        };
    }

    private static String withDaysLeft(String date, OptionalLong days, Locale locale) {
        if (days.isEmpty()) {
            return date;
        }
        long d = days.getAsLong();
        String left = d >= 0 ? Messages.get(locale, "web.days.left", d) : Messages.get(locale, "web.days.ago", -d);
        return date + " (" + left + ")";
    }
}

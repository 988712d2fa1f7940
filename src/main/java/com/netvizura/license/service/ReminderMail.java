package com.netvizura.license.service;

import com.netvizura.license.mail.ReminderMessage;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Usage;
import com.netvizura.license.service.LicenseStatusReport.End;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Writes the reminder for one threshold: the subject names the license id and what ends in how many days; the body
 * says what ends when, what to do and whom to write to; the License Details go along as the attachment.
 */
final class ReminderMail {

    private static final String CRLF = "\r\n";

    private ReminderMail() {
    }

    /**
     * @param due     the threshold to write about
     * @param report  the license as it stands (it has a license: no threshold is crossed without one)
     * @param details this server's License Details
     * @param to      the addresses of {@code notifyEmail}
     */
    static ReminderMessage compose(ReminderThreshold due, LicenseStatusReport report, LicenseDetails details,
            List<String> to, String vendorEmail) {
        License license = report.license().orElseThrow(() ->
                new IllegalArgumentException("ERROR_NO_LICENSE: reminders are about a license; none is active"));
        LocalDate today = LocalDate.ofInstant(report.checkedAt(), report.zone());
        String type = Messages.get("policy.type." + license.type().claimValue());
        String server = details.get(LicenseDetails.Field.HOSTNAME).orElse(details.installationCode());
        String status = Messages.get("web.status." + report.status().name());
        End end = switch (due.kind()) {
            case USAGE -> End.USAGE;
            case MAINTENANCE -> End.MAINTENANCE;
            case GRACE, STOPPED -> End.GRACE;
            case HARDWARE_GRACE -> End.HARDWARE_GRACE;
        };
        LocalDate lastDay = report.lastDay(end).orElse(today);
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, lastDay));
        String kind = due.kind().name().toLowerCase(java.util.Locale.ROOT);

        String subject = due.kind() == ReminderThreshold.Kind.STOPPED
                ? Messages.get("reminder.subject.stopped", license.id(), status)
                : Messages.get("reminder.subject." + kind, license.id(), type, daysLeft, lastDay.toString());

        StringBuilder body = new StringBuilder(Messages.get("reminder.body.greeting")).append(CRLF).append(CRLF);
        body.append(Messages.get("reminder.body." + kind, license.id(), type, license.licensee(), server, daysLeft,
                lastDay.toString(), status)).append(CRLF).append(CRLF);
        body.append(Messages.get("reminder.body.ends")).append(CRLF);
        endLine(body, "maintenance", report.lastDay(End.MAINTENANCE), today);
        endLine(body, "usage", report.lastDay(End.USAGE), today);
        endLine(body, "grace", report.lastDay(End.GRACE), today);
        endLine(body, "hardwareGrace", report.lastDay(End.HARDWARE_GRACE), today);
        body.append(CRLF).append(Messages.get("reminder.body.now", report.verdict().explanation())).append(CRLF)
                .append(CRLF).append(Messages.get("reminder.body.todo", vendorEmail)).append(CRLF)
                .append(Messages.get("reminder.body.vendor", vendorEmail)).append(CRLF).append(CRLF)
                .append(Messages.get("reminder.body.footer", String.join(", ", to))).append(CRLF).append(CRLF)
                .append(details.toText());
        return new ReminderMessage(to, subject, body.toString(), details.toText());
    }

    /** The reminder that {@code usage} reached the notice share or went over its limit. */
    static ReminderMessage composeUsage(Usage usage, LicenseStatusReport report, LicenseDetails details,
            List<String> to, String vendorEmail) {
        License license = report.license().orElseThrow(() ->
                new IllegalArgumentException("ERROR_NO_LICENSE: reminders are about a license; none is active"));
        String server = details.get(LicenseDetails.Field.HOSTNAME).orElse(details.installationCode());
        long limit = usage.limit().orElseThrow();
        String subject = usage.over()
                ? Messages.get("reminder.subject.usageOver", license.id(), usage.inUse(), limit, usage.name())
                : Messages.get("reminder.subject.usageNear", license.id(), usage.inUse(), limit, usage.name());
        String sentence = usage.over()
                ? Messages.get("reminder.body.usageOver", usage.inUse(), limit, usage.name(), server,
                        usage.overSince().map(LocalDate::toString).orElse(""), usage.peak30d())
                : Messages.get("reminder.body.usageNear", usage.inUse(), limit, usage.name(), server, usage.peak30d());
        String body = Messages.get("reminder.body.greeting") + CRLF + CRLF + sentence + CRLF + CRLF
                + Messages.get("reminder.body.todo", vendorEmail) + CRLF
                + Messages.get("reminder.body.vendor", vendorEmail) + CRLF + CRLF
                + Messages.get("reminder.body.footer", String.join(", ", to)) + CRLF + CRLF + details.toText();
        return new ReminderMessage(to, subject, body, details.toText());
    }

    private static void endLine(StringBuilder body, String end, Optional<LocalDate> lastDay, LocalDate today) {
        if (lastDay.isEmpty()) {
            return;
        }
        long days = ChronoUnit.DAYS.between(today, lastDay.get());
        String left = days >= 0 ? Messages.get("web.days.left", days) : Messages.get("web.days.ago", -days);
        body.append("  ").append(Messages.get("reminder.body.end." + end, lastDay.get().toString(), left)).append(CRLF);
    }
}

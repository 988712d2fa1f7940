package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.ReminderStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The reminder part of the License page ({@code /WEB-INF/netvizura-license/reminders.xhtml}): whether reminder mail
 * is on and to whom, the last reminder sent and a failure since, or how to turn reminders on. The sentences are
 * made once per request from the service's cached status (updated by the hourly check, not read per view).
 */
@Named("nvReminders")
@RequestScoped
public class ReminderSection {

    @Inject
    LicenseService service;

    private String state;
    private String lastSent;
    private String failure;

    @PostConstruct
    void init() {
        Locale locale = PageText.locale();
        ReminderStatus status = service.reminderStatus();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        ZoneId zone = service.zone();
        if (!status.on()) {
            state = Messages.get(locale, "web.reminders.off");
        } else if (!status.mailConfigured()) {
            state = Messages.get(locale, "web.reminders.noMailServer", String.join(", ", status.recipients()));
        } else {
            state = Messages.get(locale, "web.reminders.on", String.join(", ", status.recipients()));
        }
        lastSent = status.lastSent().map(e -> Messages.get(locale, "web.reminders.lastSent",
                when.format(LocalDateTime.ofInstant(e.at(), zone)), what(e, locale), e.licenseId())).orElse(null);
        failure = status.unresolvedFailure().map(e -> Messages.get(locale, "web.reminders.failed",
                when.format(LocalDateTime.ofInstant(e.at(), zone)), what(e, locale), e.licenseId(), e.reason()))
                .orElse(null);
    }

    private static String what(ReminderStatus.Event event, Locale locale) {
        return event.threshold().map(t -> Messages.get(locale, "reminder.threshold." + t.key())).orElse("?");
    }

    /** Whether reminders are on, to whom; or how to turn them on. */
    public String getState() {
        return state;
    }

    /** The last reminder sent, or null. */
    public String getLastSent() {
        return lastSent;
    }

    /** A failure after the last reminder sent, with its reason, or null. */
    public String getFailure() {
        return failure;
    }
}

package com.netvizura.license.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reminder mail as the License page shows it: whether it is on, to whom, and the last reminder sent and the last
 * that failed (by any node sharing the data directory, as of this node's last check).
 *
 * @param recipients     the addresses of {@code netvizura.license.notifyEmail}; empty: reminders are off
 * @param mailConfigured whether an SMTP host or a mail session is configured to send them
 * @param lastSent       the last reminder sent
 * @param lastFailed     the last reminder that could not be sent, with the reason
 */
public record ReminderStatus(List<String> recipients, boolean mailConfigured, Optional<Event> lastSent,
        Optional<Event> lastFailed) {

    /** One reminder: when, for which license, which threshold, and why it failed (null when it was sent). */
    public record Event(Instant at, String licenseId, Optional<ReminderThreshold> threshold, String reason) {
        public Event {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(licenseId, "licenseId");
            Objects.requireNonNull(threshold, "threshold");
        }
    }

    public ReminderStatus {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(lastSent, "lastSent");
        Objects.requireNonNull(lastFailed, "lastFailed");
    }

    static ReminderStatus off() {
        return new ReminderStatus(List.of(), false, Optional.empty(), Optional.empty());
    }

    /** Whether reminder mail is switched on ({@code notifyEmail} is set). */
    public boolean on() {
        return !recipients.isEmpty();
    }

    /** The last failure when it came after the last reminder sent: then the page says it is retried. */
    public Optional<Event> unresolvedFailure() {
        return lastFailed.filter(f -> lastSent.map(s -> f.at().isAfter(s.at())).orElse(true));
    }
}

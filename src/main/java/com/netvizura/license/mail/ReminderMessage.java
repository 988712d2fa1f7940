package com.netvizura.license.mail;

import java.util.List;
import java.util.Objects;

/**
 * A reminder that the license ends, to the addresses of {@code netvizura.license.notifyEmail}, with the License
 * Details attached as {@value DetailsMessage#ATTACHMENT_NAME} so that forwarding it to the vendor is one step.
 * Header values are checked when sending ({@link SmtpSender}).
 *
 * @param to         the recipients, at least one
 * @param subject    names the license id and what ends in how many days
 * @param body       what ends when, what to do, the vendor's address
 * @param attachment the License Details text
 */
public record ReminderMessage(List<String> to, String subject, String body, String attachment) {

    public ReminderMessage {
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("ERROR_NO_RECIPIENT: a reminder needs at least one address");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachment, "attachment");
    }
}

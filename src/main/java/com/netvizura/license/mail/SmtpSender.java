package com.netvizura.license.mail;

import com.netvizura.license.model.Messages;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends the License Details to the vendor through a mail server: the details as the text and as the attachment
 * {@value DetailsMessage#ATTACHMENT_NAME}, Reply-To the admin when known; and reminders that the license ends
 * ({@link ReminderMessage}), with the same attachment. Either through the plugin's own session made from
 * {@link SmtpSettings} (STARTTLS required when chosen, server identity checked, timeouts on connect, read and write)
 * or through a container's mail session ({@link JndiMailSession}): see {@link MailTransport}.
 *
 * <p>{@link #send} never throws for a delivery problem: it returns a {@link SendResult} whose sentence tells the
 * admin what to check. A header value with a line break (which could smuggle in a Bcc: header) or an address that
 * is not exactly one valid address is refused before anything is sent.
 */
public final class SmtpSender {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final MailTransport transport;
    private final Clock clock;

    private SmtpSender(MailTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A sender with the plugin's own session, which connects with {@code settings}. */
    public static SmtpSender withOwnSession(SmtpSettings settings, Clock clock) {
        return new SmtpSender(new OwnSessionTransport(settings), clock);
    }

    /**
     * A sender through a mail session configured by the container, with its own server, login and timeouts.
     *
     * @param defaultFrom the sender address when the session sets no {@code mail.from}
     */
    public static SmtpSender withContainerSession(Session containerSession, String defaultFrom, Clock clock) {
        return new SmtpSender(new ContainerSessionTransport(containerSession, defaultFrom), clock);
    }

    /**
     * The sender the settings call for: the container's mail session when {@code mailSessionName} names one that is
     * bound and usable, else one with {@code smtp}, else none (then only the mailto link is offered).
     *
     * @param mailSessionName setting {@code netvizura.license.mailSession}
     * @param smtp            the {@code netvizura.license.smtp.*} settings, empty when no host is set
     * @param defaultFrom     the sender address when the container's session sets no {@code mail.from}
     */
    public static Optional<SmtpSender> configured(Optional<String> mailSessionName, Optional<SmtpSettings> smtp,
                                                  String defaultFrom, Clock clock) {
        Optional<Session> container = mailSessionName.flatMap(JndiMailSession::lookup);
        if (container.isPresent()) {
            return Optional.of(withContainerSession(container.get(), defaultFrom, clock));
        }
        return smtp.map(settings -> withOwnSession(settings, clock));
    }

    /** Sends {@code message}; the result says whether the server took it, or why not. */
    public SendResult send(DetailsMessage message) {
        String fallback = " " + Messages.get("mail.send.fallback");
        MimeMessage mime;
        try {
            mime = mime(List.of(message.to()), message.replyTo(), message.subject(), message.body(),
                    message.attachment());
        } catch (RefusedHeader e) {
            return SendResult.failed(e.getMessage() + fallback, "");
        } catch (MessagingException e) {
            return failure(e, fallback);
        }
        return transmit(mime, Messages.get("mail.send.delivered", message.to()), fallback);
    }

    /**
     * Sends a reminder to all its recipients in one message; the result says whether the server took it, or why
     * not (a failure's sentence says what to check, without the Send page's fallbacks).
     */
    public SendResult send(ReminderMessage message) {
        MimeMessage mime;
        try {
            mime = mime(message.to(), null, message.subject(), message.body(), message.attachment());
        } catch (RefusedHeader e) {
            return SendResult.failed(e.getMessage(), "");
        } catch (MessagingException e) {
            return failure(e, "");
        }
        return transmit(mime, Messages.get("mail.send.reminderDelivered", String.join(", ", message.to())), "");
    }

    private SendResult transmit(MimeMessage mime, String delivered, String fallback) {
        try {
            transport.deliver(mime);
            return SendResult.delivered(delivered);
        } catch (MessagingException | RuntimeException e) {
            return failure(e, fallback);
        }
    }

    /** {@code fallback} ("" or a sentence with a leading space) follows the sentence of what went wrong. */
    private SendResult failure(Exception e, String fallback) {
        SendFailures.Failure f = transport.failure(e);
        return SendResult.failed(f.sentence() + fallback, f.detail());
    }

    private MimeMessage mime(List<String> to, String replyTo, String subject, String body, String attachmentText)
            throws MessagingException, RefusedHeader {
        MimeMessage mime = new MimeMessage(transport.session());
        mime.setFrom(address("mail.field.from", transport.from()));
        InternetAddress[] recipients = new InternetAddress[to.size()];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = address("mail.field.to", to.get(i));
        }
        mime.setRecipients(Message.RecipientType.TO, recipients);
        if (replyTo != null) {
            mime.setReplyTo(new InternetAddress[] {address("mail.field.replyTo", replyTo)});
        }
        mime.setSubject(singleLine("mail.field.subject", subject), UTF_8);
        mime.setSentDate(Date.from(clock.instant()));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, UTF_8);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setText(attachmentText, UTF_8);
        attachment.setFileName(DetailsMessage.ATTACHMENT_NAME);
        attachment.setDisposition(Part.ATTACHMENT);
        mime.setContent(new MimeMultipart(text, attachment));
        mime.saveChanges();
        return mime;
    }

    /** Exactly one valid address, with no line break: anything else could add recipients or headers. */
    private static InternetAddress address(String fieldKey, String value) throws RefusedHeader {
        singleLine(fieldKey, value);
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(value, true);
            if (parsed.length != 1) {
                throw new AddressException("not one address");
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new RefusedHeader(Messages.get("mail.send.address", Messages.get(fieldKey), value));
        }
    }

    private static String singleLine(String fieldKey, String value) throws RefusedHeader {
        if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0x85 || c == 0x2028
                || c == 0x2029 || Character.isISOControl(c) && c != '\t')) {
            String shown = value == null ? "" : value.replace("\r", "\\r").replace("\n", "\\n");
            throw new RefusedHeader(Messages.get("mail.send.lineBreak", Messages.get(fieldKey), shown));
        }
        return value;
    }

    /** A header value was refused before sending; the message is the admin sentence. */
    private static final class RefusedHeader extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedHeader(String sentence) {
            super(sentence);
        }
    }
}

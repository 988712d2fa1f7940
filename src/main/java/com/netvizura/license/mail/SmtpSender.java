package com.netvizura.license.mail;

import com.netvizura.license.model.Messages;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
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
import java.util.Properties;

/**
 * Sends the License Details to the vendor through a mail server: the details as the text and as the attachment
 * {@value DetailsMessage#ATTACHMENT_NAME}, Reply-To the admin when known; and reminders that the license ends
 * ({@link ReminderMessage}), with the same attachment. Either with {@link SmtpSettings} (own
 * session, STARTTLS required when chosen, server identity checked, timeouts on connect, read and write) or with a
 * container's mail session ({@link JndiMailSession}).
 *
 * <p>{@link #send} never throws for a delivery problem: it returns a {@link SendResult} whose sentence tells the
 * admin what to check. A header value with a line break (which could smuggle in a Bcc: header) or an address that
 * is not exactly one valid address is refused before anything is sent.
 */
public final class SmtpSender {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Session session;
    private final SmtpSettings settings;
    private final String from;
    private final String server;
    private final String port;
    private final long timeoutSeconds;
    private final Clock clock;

    /** A sender that connects with {@code settings}. */
    public SmtpSender(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(properties(settings));
        this.from = settings.from();
        this.server = settings.host();
        this.port = String.valueOf(settings.port());
        this.timeoutSeconds = settings.timeout().toSeconds();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A sender that uses a mail session configured by the container, with its own server, login and timeouts. */
    public SmtpSender(Session containerSession, String from, Clock clock) {
        this.session = Objects.requireNonNull(containerSession, "containerSession");
        this.settings = null;
        String configuredFrom = containerSession.getProperty("mail.from");
        this.from = configuredFrom != null && !configuredFrom.isBlank() ? configuredFrom : Objects.requireNonNull(from, "from");
        String protocol = Objects.requireNonNullElse(containerSession.getProperty("mail.transport.protocol"), "smtp");
        this.server = Objects.requireNonNullElse(containerSession.getProperty("mail." + protocol + ".host"), "localhost");
        this.port = Objects.requireNonNullElse(containerSession.getProperty("mail." + protocol + ".port"), "25");
        this.timeoutSeconds = seconds(containerSession.getProperty("mail." + protocol + ".timeout"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The sender the settings call for: the container's mail session when {@code mailSessionName} names one that is
     * bound and usable, else one with {@code smtp}, else none (then only the mailto link is offered).
     *
     * @param mailSessionName setting {@code netvizura.license.mailSession}, or {@code null}
     * @param smtp            the {@code netvizura.license.smtp.*} settings, or {@code null} when no host is set
     * @param defaultFrom     the sender address when the container's session sets no {@code mail.from}
     */
    public static Optional<SmtpSender> configured(String mailSessionName, SmtpSettings smtp, String defaultFrom, Clock clock) {
        Optional<Session> container = JndiMailSession.lookup(mailSessionName);
        if (container.isPresent()) {
            return Optional.of(new SmtpSender(container.get(), defaultFrom, clock));
        }
        return smtp == null ? Optional.empty() : Optional.of(new SmtpSender(smtp, clock));
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
            if (settings == null) {
                Transport.send(mime);
            } else {
                try (Transport transport = session.getTransport(protocol(settings))) {
                    transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                    transport.sendMessage(mime, mime.getAllRecipients());
                }
            }
            return SendResult.delivered(delivered);
        } catch (MessagingException | RuntimeException e) {
            return failure(e, fallback);
        }
    }

    /** {@code fallback} ("" or a sentence with a leading space) follows the sentence of what went wrong. */
    private SendResult failure(Exception e, String fallback) {
        String user = settings == null ? null : settings.username();
        String password = settings == null ? null : settings.password();
        SendFailures.Failure f = SendFailures.classify(e, server, port, user, timeoutSeconds, password);
        return SendResult.failed(f.sentence() + fallback, f.detail());
    }

    private MimeMessage mime(List<String> to, String replyTo, String subject, String body, String attachmentText)
            throws MessagingException, RefusedHeader {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(address("mail.field.from", from));
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

    /** Seconds of a millisecond property, 0 when unset or unreadable. */
    private static long seconds(String millis) {
        try {
            return millis == null ? 0 : Math.max(0, Long.parseLong(millis.strip()) / 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String protocol(SmtpSettings settings) {
        return settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
    }

    static Properties properties(SmtpSettings settings) {
        String p = protocol(settings);
        String millis = String.valueOf(settings.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", p);
        props.setProperty("mail." + p + ".host", settings.host());
        props.setProperty("mail." + p + ".port", String.valueOf(settings.port()));
        props.setProperty("mail." + p + ".connectiontimeout", millis);
        props.setProperty("mail." + p + ".timeout", millis);
        props.setProperty("mail." + p + ".writetimeout", millis);
        props.setProperty("mail." + p + ".auth", String.valueOf(settings.username() != null));
        props.setProperty("mail." + p + ".ssl.checkserveridentity", "true");
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            // Required, not just enabled: a server (or someone in between) that drops STARTTLS must not get the
            // password in the clear.
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
        }
        return props;
    }

    /** A header value was refused before sending; the message is the admin sentence. */
    private static final class RefusedHeader extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedHeader(String sentence) {
            super(sentence);
        }
    }
}

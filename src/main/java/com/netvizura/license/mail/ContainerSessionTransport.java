package com.netvizura.license.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.util.Objects;

/**
 * A mail session the container configured ({@link JndiMailSession}), with its own server, login and timeouts; the
 * plugin only reads them to name the server when sending fails. Its {@code mail.from} wins over the plugin's sender.
 */
final class ContainerSessionTransport implements MailTransport {

    private final Session session;
    private final String from;
    private final String server;
    private final String port;
    private final long timeoutSeconds;

    /** @param defaultFrom the sender address when the session sets no {@code mail.from} */
    ContainerSessionTransport(Session session, String defaultFrom) {
        this.session = Objects.requireNonNull(session, "session");
        String configuredFrom = session.getProperty("mail.from");
        this.from = configuredFrom != null && !configuredFrom.isBlank() ? configuredFrom
                : Objects.requireNonNull(defaultFrom, "defaultFrom");
        String protocol = Objects.requireNonNullElse(session.getProperty("mail.transport.protocol"), "smtp");
        this.server = Objects.requireNonNullElse(session.getProperty("mail." + protocol + ".host"), "localhost");
        this.port = Objects.requireNonNullElse(session.getProperty("mail." + protocol + ".port"), "25");
        this.timeoutSeconds = seconds(session.getProperty("mail." + protocol + ".timeout"));
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String from() {
        return from;
    }

    @Override
    public void deliver(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }

    @Override
    public SendFailures.Failure failure(Exception e) {
        return SendFailures.classify(e, server, port, null, timeoutSeconds, null);
    }

    /** Seconds of a millisecond property, 0 when unset or unreadable. */
    private static long seconds(String millis) {
        try {
            return millis == null ? 0 : Math.max(0, Long.parseLong(millis.strip()) / 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

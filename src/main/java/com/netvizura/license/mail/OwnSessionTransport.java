package com.netvizura.license.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.util.Objects;
import java.util.Properties;

/**
 * The plugin's own SMTP session, made from {@link SmtpSettings}: STARTTLS required when chosen, the server's identity
 * checked, timeouts on connect, read and write, and the login when one is set.
 */
final class OwnSessionTransport implements MailTransport {

    private final SmtpSettings settings;
    private final Session session;

    OwnSessionTransport(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(properties(settings));
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String from() {
        return settings.from();
    }

    @Override
    public void deliver(MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport(protocol(settings))) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public SendFailures.Failure failure(Exception e) {
        return SendFailures.classify(e, settings.host(), String.valueOf(settings.port()), settings.username(),
                settings.timeout().toSeconds(), settings.password());
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
}

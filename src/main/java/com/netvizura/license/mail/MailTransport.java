package com.netvizura.license.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * How {@link SmtpSender} hands a message to a mail server: through the plugin's own session made from
 * {@link SmtpSettings} ({@link OwnSessionTransport}) or through a session the container configured
 * ({@link ContainerSessionTransport}). Each knows its server, so that a failure names what to check.
 */
interface MailTransport {

    /** The session the message is built in. */
    Session session();

    /** The sender address. */
    String from();

    /** Hands {@code message} to the mail server. */
    void deliver(MimeMessage message) throws MessagingException;

    /** The admin's sentence and the log's detail for a failed delivery; never the password. */
    SendFailures.Failure failure(Exception e);
}

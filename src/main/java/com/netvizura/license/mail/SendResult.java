package com.netvizura.license.mail;

import java.util.Objects;

/**
 * What became of sending the License Details. A failure's message says what went wrong, what to check, and that
 * the mailto link, copy and download still work; it never holds a password.
 *
 * @param delivered whether the mail server accepted the message
 * @param message   the sentence for the admin
 * @param detail    for the log: the technical cause (exception and server reply, password removed), or empty
 */
public record SendResult(boolean delivered, String message, String detail) {

    public SendResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
    }

    /** The result when neither an SMTP host nor a mail session is configured: only the mailto link can send. */
    public static SendResult notConfigured() {
        return failed(com.netvizura.license.model.Messages.get("mail.send.notConfigured"), "");
    }

    static SendResult delivered(String message) {
        return new SendResult(true, message, "");
    }

    static SendResult failed(String message, String detail) {
        return new SendResult(false, message, detail);
    }
}

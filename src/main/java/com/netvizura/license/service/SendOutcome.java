package com.netvizura.license.service;

import com.netvizura.license.mail.SendResult;
import java.util.Objects;

/**
 * What became of sending the License Details from the server. A failure's message says what went wrong, what to
 * check, and that the mailto link, copy and download still work; it never holds a password.
 *
 * @param delivered whether the mail server accepted the message
 * @param message   the sentence for the admin
 * @param detail    for the log: the technical cause (exception and server reply, password removed), or empty
 */
public record SendOutcome(boolean delivered, String message, String detail) {

    public SendOutcome {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
    }

    static SendOutcome of(SendResult result) {
        return new SendOutcome(result.delivered(), result.message(), result.detail());
    }
}

package com.netvizura.license.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach the mail server that relays the License Details (settings {@code netvizura.license.smtp.*}, read and
 * given their defaults by the service's settings reader). {@link #toString()} never shows the password.
 *
 * @param host     the server's name or address
 * @param port     the server's port
 * @param security how the connection is protected
 * @param username the login, or {@code null} for none
 * @param password the login's password, or {@code null}; never logged or shown
 * @param from     the sender address
 * @param timeout  the limit for connecting, and for each read and write
 */
public record SmtpSettings(String host, int port, Security security, String username, String password, String from,
                           Duration timeout) {

    /** How the connection to the mail server is protected: setting values {@code none}, {@code starttls}, {@code tls}. */
    public enum Security {
        /** Plain SMTP; only for a relay on the same host or network. */
        NONE,
        /** Plain connection upgraded with STARTTLS before anything else is sent; refused if the server cannot. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        TLS
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("ERROR_NO_HOST: SmtpSettings need a host; without one offer mailto only");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ERROR_PORT: an SMTP port lies in 1..65535, got " + port);
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ERROR_TIMEOUT: a timeout must be positive, got " + timeout);
        }
        host = host.strip();
        username = username == null || username.isEmpty() ? null : username;
        password = username == null ? null : password;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security.name().toLowerCase(Locale.ROOT)
                + ", username=" + username + ", password=" + (password == null ? "none" : "****")
                + ", from=" + from + ", timeout=" + timeout + "]";
    }
}

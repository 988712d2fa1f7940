package com.netvizura.license.mail;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the mail server that relays the License Details (settings {@code netvizura.license.smtp.*}).
 * {@link #toString()} never shows the password.
 *
 * @param host     the server's name or address
 * @param port     {@value #DEFAULT_PORT} (submission) unless set
 * @param security how the connection is protected
 * @param username the login, or {@code null} for none
 * @param password the login's password, or {@code null}; never logged or shown
 * @param from     the sender address, by default {@code netvizura@<hostname>}
 * @param timeout  the limit for connecting, and for each read and write; {@value #DEFAULT_TIMEOUT_SECONDS} s unless set
 */
public record SmtpSettings(String host, int port, Security security, String username, String password, String from,
                           Duration timeout) {

    public static final int DEFAULT_PORT = 587;
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;

    /** How the connection to the mail server is protected: setting values {@code none}, {@code starttls}, {@code tls}. */
    public enum Security {
        /** Plain SMTP; only for a relay on the same host or network. */
        NONE,
        /** Plain connection upgraded with STARTTLS before anything else is sent; refused if the server cannot. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        TLS;

        /** The value for a setting text such as "starttls" (any case), or empty when it names none. */
        public static Optional<Security> fromSetting(String value) {
            return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value == null ? "" : value.strip()))
                    .findFirst();
        }

        public String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }
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

    /** Settings with the defaults: port 587, STARTTLS, no login, from {@code netvizura@<hostname>}, 10 s timeouts. */
    public static SmtpSettings of(String host, String hostname) {
        return new SmtpSettings(host, DEFAULT_PORT, Security.STARTTLS, null, null, defaultFrom(hostname),
                Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS));
    }

    /** {@code netvizura@<hostname>}, or {@code netvizura@localhost} when the host name is unknown. */
    public static String defaultFrom(String hostname) {
        return "netvizura@" + (hostname == null || hostname.isBlank() ? "localhost" : hostname.strip());
    }

    public SmtpSettings withPort(int port) {
        return new SmtpSettings(host, port, security, username, password, from, timeout);
    }

    public SmtpSettings withSecurity(Security security) {
        return new SmtpSettings(host, port, security, username, password, from, timeout);
    }

    public SmtpSettings withLogin(String username, String password) {
        return new SmtpSettings(host, port, security, username, password, from, timeout);
    }

    public SmtpSettings withFrom(String from) {
        return new SmtpSettings(host, port, security, username, password, from, timeout);
    }

    public SmtpSettings withTimeout(Duration timeout) {
        return new SmtpSettings(host, port, security, username, password, from, timeout);
    }

    public Optional<String> usernameIfAny() {
        return Optional.ofNullable(username);
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security.settingValue()
                + ", username=" + username + ", password=" + (password == null ? "none" : "****")
                + ", from=" + from + ", timeout=" + timeout + "]";
    }
}

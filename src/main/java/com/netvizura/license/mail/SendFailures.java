package com.netvizura.license.mail;

import com.netvizura.license.model.Messages;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * Turns a failed SMTP conversation into a sentence for the admin, by what went wrong: refused, unknown host,
 * no answer in time, login refused, no secure connection, message refused, or other. The technical detail goes
 * to the log only, with the password (should a server echo it) replaced.
 */
final class SendFailures {

    private static final int MAX_DETAIL = 300;

    private SendFailures() {
    }

    record Failure(String sentence, String detail) {
    }

    static Failure classify(Exception e, String host, String port, String user, long timeoutSeconds, String password) {
        String detail = scrub(describe(e), password);
        String reply = scrub(firstLine(e.getMessage()), password);
        String sentence;
        if (find(e, AuthenticationFailedException.class) != null) {
            sentence = Messages.get("mail.send.auth", host, user == null ? "" : user);
        } else if (find(e, SSLException.class) != null || find(e, GeneralSecurityException.class) != null
                || reply.toUpperCase(Locale.ROOT).contains("STARTTLS")) {
            // The root cause says why ("unable to find valid certification path to requested target"); the
            // outer exceptions only say that connecting failed.
            String why = find(e, SSLException.class) != null || find(e, GeneralSecurityException.class) != null
                    ? scrub(firstLine(root(e).getMessage()), password) : reply;
            sentence = Messages.get("mail.send.tls", host, port, why);
        } else if (find(e, SocketTimeoutException.class) != null) {
            sentence = timeoutSeconds > 0 ? Messages.get("mail.send.timeout", host, port, timeoutSeconds)
                    : Messages.get("mail.send.noAnswer", host, port);
        } else if (find(e, ConnectException.class) != null) {
            sentence = Messages.get("mail.send.refused", host, port);
        } else if (find(e, UnknownHostException.class) != null) {
            sentence = Messages.get("mail.send.unknownHost", host);
        } else if (find(e, SendFailedException.class) != null) {
            sentence = Messages.get("mail.send.rejected", host, reply);
        } else {
            sentence = Messages.get("mail.send.failed", host, port, reply);
        }
        return new Failure(sentence, detail);
    }

    /** The first cause of type {@code type}, following both causes and Jakarta Mail's chained exceptions. */
    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            Throwable next = t.getCause();
            if (next == null && t instanceof MessagingException me) {
                next = me.getNextException();
            }
            t = next;
        }
        return null;
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 20; depth++) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < MAX_DETAIL; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(firstLine(t.getMessage()));
        }
        return sb.length() > MAX_DETAIL ? sb.substring(0, MAX_DETAIL) + "..." : sb.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String scrub(String text, String password) {
        return password == null || password.isEmpty() ? text : text.replace(password, "****");
    }
}

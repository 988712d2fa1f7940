package com.netvizura.license.mail;

import jakarta.mail.Session;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Looks up a mail session the container provides (setting {@code netvizura.license.mailSession}, a name under
 * {@code java:comp/env} such as {@code mail/Session}). It is used only when it is bound and is a Jakarta Mail
 * session of the same classes as this web application's; otherwise the reason is logged and the caller falls back
 * to the smtp settings. (A Tomcat mail resource works only with the mail jars in Tomcat's {@code lib/} and none in
 * the WAR; mixed copies show up here as "not usable".)
 */
public final class JndiMailSession {

    static final String PREFIX = "java:comp/env/";
    private static final System.Logger LOG = System.getLogger(JndiMailSession.class.getName());

    private JndiMailSession() {
    }

    /** The usable session bound under {@code java:comp/env/<name>}, or empty (also when {@code name} is blank). */
    public static Optional<Session> lookup(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String full = name.startsWith("java:") ? name.strip() : PREFIX + name.strip();
        try {
            Object bound = new InitialContext().lookup(full);
            if (bound instanceof Session session) {
                session.getTransport(); // fails when no SMTP provider is visible to the session's class loader
                return Optional.of(session);
            }
            LOG.log(Level.WARNING, "Mail session [{0}] is a [{1}], not a jakarta.mail.Session of this application; "
                    + "using the smtp settings", full, bound == null ? "null" : bound.getClass().getName());
        } catch (NamingException | RuntimeException | LinkageError | jakarta.mail.NoSuchProviderException e) {
            LOG.log(Level.WARNING, "Mail session [{0}] is not bound or not usable ({1}); using the smtp settings",
                    full, e.toString());
        }
        return Optional.empty();
    }
}

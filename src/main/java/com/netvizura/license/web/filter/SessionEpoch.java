package com.netvizura.license.web.filter;

import com.netvizura.license.service.LicenseService;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Stamps every new session with the license epoch (the license-change counter) of the moment it was created, so
 * that {@link SessionResetFilter} can tell a session from before the last license change. Registered in code by
 * {@code web.WebRegistration}. The stamp is a {@code Long}, so it survives session persistence and replication.
 */
public final class SessionEpoch implements HttpSessionListener {

    /** The session attribute holding the epoch the session was created in. */
    public static final String ATTRIBUTE = "com.netvizura.license.web.SessionEpoch";

    private final LicenseService service;

    public SessionEpoch(LicenseService service) {
        this.service = service;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        stamp(event.getSession(), service.epoch());
    }

    static void stamp(HttpSession session, long epoch) {
        session.setAttribute(ATTRIBUTE, epoch);
    }

    /** The session's stamp, or {@code null} for a session created before the plugin started (not stamped yet). */
    static Long of(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof Long epoch ? epoch : null;
    }
}

package com.netvizura.license.web.filter;

import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.LicensePaths;
import com.netvizura.license.web.PartialResponse;
import com.netvizura.license.web.RedirectTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * After a license change every session that existed before it must log in again ("Reset"). The reset is lazy:
 * applying a key only raises the epoch; this filter compares, on each request, the epoch the session was stamped
 * with ({@link SessionEpoch}) with the current one and invalidates an older session, then sends the browser to log
 * in: a GET (or HEAD) back to the same URL, which the container answers with its login form and returns to after
 * login; any other method to the application root (repeating a POST after login would be wrong); a Faces AJAX
 * request by a partial-response redirect to the page it came from.
 *
 * <p>Per request: one {@code getSession(false)} (a filter never creates a session), one attribute read and the
 * service's cached epoch; no walk over sessions. A session not stamped yet (created before the plugin started) is
 * stamped with the current epoch on first sight. A stale session's call of the status API ends the session but is
 * still answered (by the API's own access rule): monitoring gets data, never a login redirect.
 */
public final class SessionResetFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient LicenseService service;

    public SessionResetFilter(LicenseService service) {
        this.service = service;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && isStale(session)) {
            if (LicensePaths.isStatusApi(LicensePaths.pathOf(request))) {
                // Monitoring wants data, not a login page: the session ends, this request is still answered.
                invalidate(session);
            } else {
                reset(request, response, session);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean isStale(HttpSession session) {
        long current = service.epoch();
        try {
            Long stamped = SessionEpoch.of(session);
            if (stamped == null) {
                SessionEpoch.stamp(session, current);
                return false;
            }
            return stamped < current;
        } catch (IllegalStateException invalidatedMeanwhile) {
            return false;
        }
    }

    private static void reset(HttpServletRequest request, HttpServletResponse response, HttpSession session)
            throws IOException {
        invalidate(session);
        PartialResponse.redirect(request, response, logInAgainUrl(request));
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // Another request of the same browser got here first: the session is gone either way.
        }
    }

    /**
     * Where the browser goes to log in again (see the class comment): always a page of this application, built from
     * the decoded path, never the raw request URI (see {@link RedirectTarget}).
     */
    static String logInAgainUrl(HttpServletRequest request) {
        String method = request.getMethod();
        if (PartialResponse.isAjax(request)) {
            return RedirectTarget.page(request, LicensePaths.pathOf(request));
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return RedirectTarget.sameAddress(request);
        }
        return RedirectTarget.root(request);
    }
}

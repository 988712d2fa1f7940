package com.netvizura.license.web.filter;

import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Messages;
import com.netvizura.license.web.LicensePaths;
import com.netvizura.license.web.PartialResponse;
import com.netvizura.license.web.PlainPage;
import com.netvizura.license.web.RedirectTarget;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers a failure of a page with a page that says what to do, never with the container's report (a stack trace
 * with the Faces and plugin classes, line numbers and the Tomcat version, to any logged-in user). A view state the
 * server does not hold ({@code jakarta.faces.ViewState=stateless}, a made-up or an expired one) is a page that is out
 * of date: 400 and "reload the page"; any other failure is 500 with a reference that the server log carries beside
 * the stack trace. A Faces AJAX request is sent to reload the page instead (a partial-response redirect).
 *
 * <p>The plugin registers it in code on {@code /license/*}, so that its pages do not depend on the host's
 * {@code web.xml} in an overlay; the standalone shell's {@code web.xml} maps it on every page. A failure after the
 * answer was committed can only be logged.
 */
public class ErrorPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ErrorPageFilter.class.getName());
    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            answer(request, response, e);
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        String path = LicensePaths.pathOf(request);
        boolean expired = isOutOfDateView(request, failure);
        String reference = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 24).toUpperCase(Locale.ROOT);
        if (response.isCommitted() && failure instanceof IOException) {
            // Most likely the browser went away while the page was being sent: nothing to answer, nothing to fix.
            LOG.log(System.Logger.Level.DEBUG, "Page " + LogValue.of(path) + " could not be sent: " + failure);
            return;
        }
        if (expired) {
            LOG.log(System.Logger.Level.INFO, "Page {0} asked by {1} from {2} with a view state this server does "
                    + "not hold {3}: told to reload", LogValue.of(path), LogValue.of(request.getRemoteUser()),
                    LogValue.of(request.getRemoteAddr()), LogValue.of(failure.getMessage()));
        } else {
            LOG.log(System.Logger.Level.WARNING, "Page " + LogValue.of(path) + " failed for "
                    + LogValue.of(request.getRemoteUser()) + " from " + LogValue.of(request.getRemoteAddr())
                    + ", reference [" + reference + "]", failure);
        }
        if (response.isCommitted()) {
            return;
        }
        String page = RedirectTarget.page(request, path);
        if (PartialResponse.isAjax(request)) {
            PartialResponse.redirect(request, response, page);
            return;
        }
        PlainPage answer = expired
                ? PlainPage.titled(Messages.get("web.error.expired.title"))
                        .paragraph("errorMessage", Messages.get("web.error.expired"))
                : PlainPage.titled(Messages.get("web.error.failed.title"))
                        .paragraph("errorMessage", Messages.get("web.error.failed", reference));
        answer.link("reloadLink", page, Messages.get("web.error.reload"))
                .link("homeLink", RedirectTarget.root(request), Messages.get("web.error.home"))
                .writeTo(response, expired ? HttpServletResponse.SC_BAD_REQUEST
                        : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }

    /**
     * Whether {@code failure} means the page is out of date: Faces could not find or rebuild the view the request's
     * view state names (an expired view, or a state this server never gave out, such as {@code stateless} for a view
     * that is not stateless, which Mojarra reports as "Unable to restore view" from {@code restoreView}).
     */
    static boolean isOutOfDateView(HttpServletRequest request, Throwable failure) {
        boolean hasViewState;
        try {
            hasViewState = request.getParameter(VIEW_STATE) != null;
        } catch (RuntimeException unreadable) {
            hasViewState = false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
            if (hasViewState) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getMethodName().equals("restoreView")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

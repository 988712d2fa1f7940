package com.netvizura.license.web.filter;

import com.netvizura.license.web.FormLoginPage;
import com.netvizura.license.web.PartialResponse;
import com.netvizura.license.web.RedirectTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * When a Faces AJAX request arrives without a live session (timed out, or reset after a license change), the
 * container's FORM login answers it itself: it forwards to the login page, before any filter on the asked path
 * runs, and the Faces script would choke on the login page's HTML. This filter is mapped with the FORWARD dispatcher
 * and recognizes that forward: the target is the login page that {@code web.xml} declares ({@link FormLoginPage})
 * and the original request carries {@code Faces-Request: partial/ajax}. It then answers a partial-response redirect
 * to the page the request came from (on this application, {@link RedirectTarget}), which the container in turn
 * answers with the login form and returns to after login. Every other forward passes untouched.
 */
public final class AjaxLoginRedirectFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final String loginPage;

    /** @param loginPage the login page path within the application, e.g. {@code /WEB-INF/standalone/login.html} */
    public AjaxLoginRedirectFilter(String loginPage) {
        this.loginPage = loginPage;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object originalPath = request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH);
        if (originalPath instanceof String servletPath && PartialResponse.isAjax(request)
                && loginPage.equals(target(request))) {
            Object pathInfo = request.getAttribute(RequestDispatcher.FORWARD_PATH_INFO);
            String path = pathInfo instanceof String info ? servletPath + info : servletPath;
            // The decoded path of the original request, not its raw URI: that may start with "//" (RedirectTarget).
            PartialResponse.redirect(request, response, RedirectTarget.page(request, path));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path forwarded to, within the application. */
    private static String target(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}

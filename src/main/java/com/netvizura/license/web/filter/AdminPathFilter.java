package com.netvizura.license.web.filter;

import com.netvizura.license.web.LicensePaths;
import com.netvizura.license.web.PartialResponse;
import com.netvizura.license.web.RedirectTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * License administration (everything below {@code /license/} except About and the license-required page) is for
 * the admin role ({@code netvizura.license.adminRole}) only, checked here in code: the standalone {@code web.xml}
 * has the same rule as a security constraint, but in an overlay the host's {@code web.xml} wins and this filter is
 * what protects the License page. A logged-in non-admin gets 403 (the application's "Access denied" page); an
 * anonymous request (possible only where the host declares no constraint) is sent to the application root, where
 * the host's login is, and never sees the page.
 */
public final class AdminPathFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final String adminRole;

    public AdminPathFilter(String adminRole) {
        this.adminRole = adminRole;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!LicensePaths.isAdminOnly(LicensePaths.pathOf(request)) || request.isUserInRole(adminRole)) {
            chain.doFilter(request, response);
        } else if (request.getUserPrincipal() == null) {
            PartialResponse.redirect(request, response, RedirectTarget.root(request));
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}

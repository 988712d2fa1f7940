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
import java.io.IOException;

/**
 * The license guard: while the license is not operational (no license, expired past its grace, bound to another
 * machine, not covering this version, invalid), a logged-in user's request for NetVizura is redirected: an admin
 * (role {@code netvizura.license.adminRole}) to the License page to fix it, everyone else to
 * {@link LicensePaths#REQUIRED_PAGE}, which says whom to ask. The license area, login and logout, resources and
 * error pages stay open ({@link LicensePaths#guardAllows}). Faces AJAX requests get a partial-response redirect.
 *
 * <p>The guard hides nothing permanently and deletes nothing: it only redirects, and lets everything through again
 * within about a second after a usable key is applied (on this node or another sharing the data directory).
 * Anonymous requests pass: the host's own login decides what they may see, and a host login page at any address
 * must keep working, or nobody could log in to fix the license. A perpetual license past maintenance is operational.
 * Registered only when {@code netvizura.license.guard} is {@code true} (the default).
 */
public final class LicenseGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient LicenseService service;
    private final String adminRole;

    public LicenseGuardFilter(LicenseService service) {
        this.service = service;
        this.adminRole = service.settings().adminRole();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (service.verdict().operational() || request.getUserPrincipal() == null
                || LicensePaths.guardAllows(LicensePaths.pathOf(request))) {
            chain.doFilter(request, response);
            return;
        }
        String page = request.isUserInRole(adminRole) ? LicensePaths.LICENSE_PAGE : LicensePaths.REQUIRED_PAGE;
        PartialResponse.redirect(request, response, RedirectTarget.page(request, page));
    }
}

package com.netvizura.license.web.filter;

import com.netvizura.license.web.SecurityHeaders.Scope;
import com.netvizura.license.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Security headers, set before the page is rendered. No page may be framed by another site (a click through a
 * transparent frame would open the Upload dialog): {@code X-Frame-Options: SAMEORIGIN} and {@code
 * Content-Security-Policy: frame-ancestors 'self'}. The browser must not guess content types ({@code
 * X-Content-Type-Options: nosniff}) or hand the page's address to other sites ({@code Referrer-Policy:
 * same-origin}).
 *
 * <p>{@link Scope#PLUGIN} ({@link SecurityHeaders}) is what the plugin's pages ({@code /license/*}) get, registered in code so that an overlay
 * has it too: all of the above, a policy that forbids plugins, a foreign {@code <base>} and forms posting elsewhere,
 * and {@code Cache-Control: no-store} (the pages show the Installation Code and License Details). The scripts'
 * policy with its nonces comes from PrimeFaces ({@code primefaces.CSP}, see the README), as a second
 * {@code Content-Security-Policy} header that the browser enforces as well. {@link Scope#SHELL} is what the standalone
 * shell's {@code web.xml} declares for every page, the login page included: the same headers except the cache rule
 * and the extra policy; it never replaces a header the plugin's scope has set.
 */
public final class SecurityHeadersFilter extends HttpFilter {

    static final String SCOPE_PARAMETER = "scope";
    static final String ERROR_SCOPE = "ERROR_SCOPE: filter %s needs init-param scope=plugin or scope=shell, not [%s]";

    private static final long serialVersionUID = 1L;

    private Scope scope;

    /** For {@code web.xml}: the scope comes from the init-param {@value #SCOPE_PARAMETER}. */
    public SecurityHeadersFilter() {
    }

    public SecurityHeadersFilter(Scope scope) {
        this.scope = scope;
    }

    /** Reads the scope once; a missing or unknown one stops the application (a security filter fails closed). */
    @Override
    public void init() throws ServletException {
        if (scope != null) {
            return;
        }
        String value = getInitParameter(SCOPE_PARAMETER);
        try {
            scope = Scope.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ServletException(String.format(ERROR_SCOPE, getFilterName(), value), e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.applyTo(response, scope);
        chain.doFilter(request, response);
    }
}

package com.netvizura.license.web;

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
 * <p>{@link Scope#PLUGIN} is what the plugin's pages ({@code /license/*}) get, registered in code so that an overlay
 * has it too: all of the above, a policy that forbids plugins, a foreign {@code <base>} and forms posting elsewhere,
 * and {@code Cache-Control: no-store} (the pages show the Installation Code and License Details). The scripts'
 * policy with its nonces comes from PrimeFaces ({@code primefaces.CSP}, see the README), as a second
 * {@code Content-Security-Policy} header that the browser enforces as well. {@link Scope#SHELL} is what the standalone
 * shell's {@code web.xml} declares for every page, the login page included: the same headers except the cache rule
 * and the extra policy; it never replaces a header the plugin's scope has set.
 */
public final class SecurityHeadersFilter extends HttpFilter {

    /** Which pages a filter instance serves. */
    public enum Scope {
        /** The plugin's own pages, {@code /license/*}. */
        PLUGIN,
        /** Every page of the standalone shell (declared in its {@code web.xml} with init-param {@code scope=shell}). */
        SHELL
    }

    static final String SCOPE_PARAMETER = "scope";
    static final String ERROR_SCOPE = "ERROR_SCOPE: filter %s needs init-param scope=plugin or scope=shell, not [%s]";

    static final String CSP = "Content-Security-Policy";
    static final String FRAME_ANCESTORS = "frame-ancestors 'self'";
    static final String PLUGIN_POLICY = FRAME_ANCESTORS + "; object-src 'none'; base-uri 'self'; form-action 'self'";
    /** For a page written in code ({@link PlainPage}): it loads nothing at all. */
    static final String PLAIN_PAGE_POLICY =
            "default-src 'none'; " + FRAME_ANCESTORS + "; base-uri 'none'; form-action 'none'";

    private static final long serialVersionUID = 1L;

    private Scope scope;

    /** For {@code web.xml}: the scope comes from the init-param {@value #SCOPE_PARAMETER}. */
    public SecurityHeadersFilter() {
    }

    SecurityHeadersFilter(Scope scope) {
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
        applyTo(response, scope);
        chain.doFilter(request, response);
    }

    /** Sets the headers of {@code scope} on {@code response}. */
    static void applyTo(HttpServletResponse response, Scope scope) {
        if (scope == Scope.PLUGIN) {
            response.setHeader(CSP, PLUGIN_POLICY);
            response.setHeader("Cache-Control", "no-store");
        }
        setIfAbsent(response, CSP, FRAME_ANCESTORS);
        setIfAbsent(response, "X-Frame-Options", "SAMEORIGIN");
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "Referrer-Policy", "same-origin");
    }

    /** The headers for a page written in code: the plugin's, with a policy that lets the page load nothing. */
    static void applyToPlainPage(HttpServletResponse response) {
        applyTo(response, Scope.PLUGIN);
        response.setHeader(CSP, PLAIN_PAGE_POLICY);
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}

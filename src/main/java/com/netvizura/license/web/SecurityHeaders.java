package com.netvizura.license.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of a response by {@link Scope}, shared by the filter that sets them before a page is rendered
 * and by {@link PlainPage}, which answers where no filter runs.
 */
public final class SecurityHeaders {

    /** Which pages a set of headers serves. */
    public enum Scope {
        /** The plugin's own pages, {@code /license/*}. */
        PLUGIN,
        /** Every page of the standalone shell (declared in its {@code web.xml} with init-param {@code scope=shell}). */
        SHELL
    }

    private static final String CSP = "Content-Security-Policy";
    private static final String FRAME_ANCESTORS = "frame-ancestors 'self'";
    private static final String PLUGIN_POLICY = FRAME_ANCESTORS + "; object-src 'none'; base-uri 'self'; form-action 'self'";
    /** For a page written in code ({@link PlainPage}): it loads nothing at all. */
    private static final String PLAIN_PAGE_POLICY =
            "default-src 'none'; " + FRAME_ANCESTORS + "; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    /** Sets the headers of {@code scope} on {@code response}. */
    public static void applyTo(HttpServletResponse response, Scope scope) {
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
    public static void applyToPlainPage(HttpServletResponse response) {
        applyTo(response, Scope.PLUGIN);
        response.setHeader(CSP, PLAIN_PAGE_POLICY);
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}

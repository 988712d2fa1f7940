package com.netvizura.license.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses (403) a POST to the plugin's pages that another site made the browser send: its {@code Origin} header,
 * or when that is absent its {@code Referer}, names another origin. A POST with neither header (some privacy tools
 * strip both) passes only when it carries the Faces view state, which Faces checks against the session anyway.
 * Mapped on {@code /license/*}; a first line of defence in front of Faces' own view-state check.
 */
public final class CrossSitePostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String VIEW_STATE_PARAMETER = "jakarta.faces.ViewState";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || isOwnSite(request)) {
            chain.doFilter(request, response);
        } else {
            request.getServletContext().log("NetVizura License refused a cross-site POST to [" + request.getRequestURI()
                    + "] from origin [" + request.getHeader("Origin") + "] referer [" + request.getHeader("Referer")
                    + "] remote [" + request.getRemoteAddr() + "]");
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static boolean isOwnSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source == null) {
            return request.getParameter(VIEW_STATE_PARAMETER) != null;
        }
        return SameOrigin.matches(source, request.getScheme(), request.getServerName(), request.getServerPort());
    }
}

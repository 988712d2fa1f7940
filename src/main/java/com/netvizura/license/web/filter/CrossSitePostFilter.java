package com.netvizura.license.web.filter;

import com.netvizura.license.web.AdminGate;
import com.netvizura.license.web.SameOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses (403) a POST to the plugin's pages that does not come from a page of this application by the
 * {@link SameOrigin} rule: its {@code Origin} header, or when that is absent its {@code Referer}, names another
 * origin, or it has neither. Mapped on {@code /license/*}; a first line of defence in front of Faces' own view-state
 * check and of {@link AdminGate}, which applies the same rule in each action.
 */
public final class CrossSitePostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || SameOrigin.check(request)) {
            chain.doFilter(request, response);
        } else {
            request.getServletContext().log("NetVizura License refused a cross-site POST to [" + request.getRequestURI()
                    + "] from origin [" + request.getHeader("Origin") + "] referer [" + request.getHeader("Referer")
                    + "] remote [" + request.getRemoteAddr() + "]");
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}

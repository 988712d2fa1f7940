package com.netvizura.license.web.filter;

import com.netvizura.license.model.LogValue;
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
 * origin, or it has neither. Mapped on {@code /license/*}, and by the standalone shell's {@code web.xml} on every
 * page; a first line of defence in front of Faces' own view-state check and of {@link AdminGate}, which applies the
 * same rule in each action.
 *
 * <p>A request with {@code Authorization: Bearer} passes: a tool's call with a token (the status API), which no
 * other site can make a browser send (a browser adds no such header by itself; a script of another origin would need
 * CORS, which nothing here grants), and which the API checks itself.
 */
public final class CrossSitePostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || SameOrigin.check(request) || carriesBearerToken(request)) {
            chain.doFilter(request, response);
        } else {
            request.getServletContext().log("NetVizura License refused a cross-site POST to "
                    + LogValue.of(request.getRequestURI()) + " from origin " + LogValue.of(request.getHeader("Origin"))
                    + " referer " + LogValue.of(request.getHeader("Referer")) + " remote "
                    + LogValue.of(request.getRemoteAddr()));
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static boolean carriesBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}

package com.netvizura.license.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps the standalone login pages out of every cache. Tomcat serves them as static files with a
 * Last-Modified date, so a browser may show a stored copy without asking the server; that copy's form then
 * posts without the session in which Tomcat remembered the page asked for, and the login fails with
 * "408 Request Timeout". Mapped in the standalone web.xml only (on FORWARD, as the login pages are reached).
 */
public class NoStoreFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}

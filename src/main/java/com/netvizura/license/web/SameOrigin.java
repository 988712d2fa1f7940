package com.netvizura.license.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether a state-changing request was sent by a page of this application, not by another site's page in the
 * admin's browser. Browsers send {@code Origin} with every POST (older ones at least {@code Referer}); it must name
 * the scheme, host and port the request itself was sent to. A request with neither header is refused: this check
 * fails closed. Behind a TLS-terminating proxy the container must know the outside scheme and host (Tomcat's
 * {@code RemoteIpValve}), or every change is refused.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /** Whether {@code request} comes from a page of this application's own origin. */
    public static boolean check(HttpServletRequest request) {
        String own = origin(request.getScheme(), request.getServerName(), request.getServerPort());
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.isBlank() && !"null".equals(origin)) {
            return own.equals(normalize(origin));
        }
        String referer = request.getHeader("Referer");
        if (referer != null && !referer.isBlank()) {
            return own.equals(normalize(referer));
        }
        return false;
    }

    /** {@code scheme://host:port} of {@code uri} in lower case with the port spelled out, or "" when unreadable. */
    static String normalize(String uri) {
        try {
            URI u = new URI(uri.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return "";
            }
            return origin(u.getScheme(), u.getHost(), u.getPort());
        } catch (URISyntaxException e) {
            return "";
        }
    }

    static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int p = port >= 0 ? port : "https".equals(s) ? 443 : 80;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return s + "://" + h + ":" + p;
    }
}

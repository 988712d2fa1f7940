package com.netvizura.license.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;

/**
 * Where a redirect the plugin makes from a request may go: only to a page of this application. A browser reads a
 * {@code Location} that starts with {@code //} or {@code /\} (tabs and line breaks are dropped first) as the address
 * of another host, and the raw request URI can start that way (at the root context {@code //;@other-host/page} is a
 * path Tomcat serves). So a target is never copied from the request URI: it is built from the application's own
 * context path ({@link jakarta.servlet.ServletContext#getContextPath()}, not the request's spelling of it) and the
 * path the container decoded and normalized, encoded again; and every target is checked once more by
 * {@link #isLocal} before it is sent.
 */
public final class RedirectTarget {

    /** Besides letters and digits, what may stay unencoded in a path (RFC 3986 pchar and "/", without ";"). */
    private static final String PATH_SAFE = "-._~!$&'()*+,=:@/";
    /** Besides letters and digits, what may stay unencoded in a query ("%" keeps the escapes already there). */
    private static final String QUERY_SAFE = "-._~!$&'()*+,;=:@/?%";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RedirectTarget() {
    }

    /** The application root, e.g. {@code /netvizura-license/}, or {@code /} at the root context. */
    public static String root(HttpServletRequest request) {
        return request.getServletContext().getContextPath() + "/";
    }

    /** {@code path} (within the application, decoded, e.g. {@code /license/license.xhtml}) as a local address. */
    public static String page(HttpServletRequest request, String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return root(request);
        }
        return orRoot(request, request.getServletContext().getContextPath() + encode(path, PATH_SAFE));
    }

    /** The address {@code request} was sent to (path and query), as a local address. */
    public static String sameAddress(HttpServletRequest request) {
        String page = page(request, LicensePaths.pathOf(request));
        String query = request.getQueryString();
        return query == null || query.isEmpty() ? page : page + "?" + encode(query, QUERY_SAFE);
    }

    /**
     * Whether every browser takes {@code url} for a page of this host: it starts with one {@code /} that is not
     * followed by another {@code /} or {@code \}, and holds only visible ASCII without {@code \} (no space, tab,
     * line break or other character a browser drops or reads differently).
     */
    public static boolean isLocal(String url) {
        if (url == null || url.isEmpty() || url.charAt(0) != '/') {
            return false;
        }
        if (url.length() > 1 && (url.charAt(1) == '/' || url.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** {@code url} when it {@link #isLocal is local}, else the application root. */
    static String orRoot(HttpServletRequest request, String url) {
        return isLocal(url) ? url : root(request);
    }

    /** Percent-encodes (UTF-8) every character of {@code text} that is neither a letter, a digit nor in {@code safe}. */
    static String encode(String text, String safe) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || safe.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}

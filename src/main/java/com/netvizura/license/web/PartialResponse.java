package com.netvizura.license.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends the browser elsewhere in the way the request can follow. A Faces AJAX request ({@code Faces-Request:
 * partial/ajax}) cannot follow an HTTP 302: the XMLHttpRequest would follow it silently and hand HTML to the Faces
 * script, which fails with "malformedXML". Such a request gets a 200 {@code <partial-response><redirect/>}, which
 * the Faces script turns into a page navigation; every other request gets a 302.
 */
public final class PartialResponse {

    /** The request header Faces' script sets on AJAX requests. */
    public static final String FACES_REQUEST_HEADER = "Faces-Request";
    static final String PARTIAL_AJAX = "partial/ajax";

    private PartialResponse() {
    }

    /** Whether {@code request} is a Faces AJAX request. */
    public static boolean isAjax(HttpServletRequest request) {
        return PARTIAL_AJAX.equals(request.getHeader(FACES_REQUEST_HEADER));
    }

    /** The partial-response document that tells the Faces script to navigate to {@code url}. */
    static String redirectDocument(String url) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partial-response><redirect url=\""
                + escapeAttribute(url) + "\"/></partial-response>";
    }

    /**
     * Sends the browser to {@code url}: a partial-response redirect for Faces AJAX, else a 302. A {@code url} that is
     * not {@linkplain RedirectTarget#isLocal local} is replaced by the application root: this never sends a browser to
     * another host, whatever a caller passes.
     */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        String target = RedirectTarget.orRoot(request, url);
        if (isAjax(request)) {
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(redirectDocument(target));
            response.flushBuffer();
        } else {
            response.sendRedirect(target);
        }
    }

    /** {@code text} escaped for XML and HTML text and attributes; control characters (but tab) are dropped. */
    static String escapeAttribute(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // A URL never needs a control character; XML 1.0 does not allow most of them at all.
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

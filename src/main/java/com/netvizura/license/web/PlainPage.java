package com.netvizura.license.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small self-contained HTML page written in code, for answers given where no Faces page can be rendered: a request
 * refused before it is read, or a failure of the page itself. It needs nothing of the application (no template, no
 * script, no stylesheet), so it works in an overlay and in the middle of a broken request. Every text is escaped.
 */
public final class PlainPage {

    private final String title;
    private final List<String> parts = new ArrayList<>();

    private PlainPage(String title) {
        this.title = title;
    }

    /** A page with {@code title} as its title and heading. */
    public static PlainPage titled(String title) {
        return new PlainPage(title);
    }

    /** Adds a paragraph with the element id {@code id}. */
    public PlainPage paragraph(String id, String text) {
        parts.add("<p id=\"" + escape(id) + "\">" + escape(text) + "</p>");
        return this;
    }

    /** Adds a link (a paragraph of its own) to a {@linkplain RedirectTarget#isLocal local} address. */
    public PlainPage link(String id, String href, String text) {
        if (RedirectTarget.isLocal(href)) {
            parts.add("<p><a id=\"" + escape(id) + "\" href=\"" + escape(href) + "\">" + escape(text) + "</a></p>");
        }
        return this;
    }

    /** The page as HTML. */
    public String html() {
        StringBuilder out = new StringBuilder(512).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>").append(escape(title))
                .append(" - NetVizura</title>\n</head>\n<body>\n<main>\n<h1 id=\"pageTitle\">").append(escape(title))
                .append("</h1>\n");
        for (String part : parts) {
            out.append(part).append('\n');
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    /**
     * Replaces whatever {@code response} holds (not yet committed: headers too) by this page with {@code status}, with
     * the plugin's security headers ({@link SecurityHeaders.applyToPlainPage}) and {@code headers} (name, value,
     * name, value...); never cached.
     */
    public void writeTo(HttpServletResponse response, int status, String... headers) throws IOException {
        byte[] body = html().getBytes(StandardCharsets.UTF_8);
        response.reset();
        response.setStatus(status);
        SecurityHeaders.applyToPlainPage(response);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static String escape(String text) {
        return PartialResponse.escapeAttribute(text);
    }
}

package com.netvizura.license.web.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A file the browser saves rather than shows: the admin downloads of the License page answer with it. */
public final class AttachmentResponse {

    private AttachmentResponse() {
    }

    /**
     * Writes {@code body} as the whole answer, to be saved as {@code fileName}. The name goes into the header as it
     * is: callers pass only names of their own making (no quote, no line break).
     */
    static void send(HttpServletResponse response, String contentType, String fileName, byte[] body)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

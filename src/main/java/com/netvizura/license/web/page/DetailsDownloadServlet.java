package com.netvizura.license.web.page;

import com.netvizura.license.service.LicenseService;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Download of the License Details as {@code license-details.txt} ({@code GET /license/details.txt}), for admins
 * only ({@link AdminDownloadServlet}).
 */
public final class DetailsDownloadServlet extends AdminDownloadServlet {

    private static final long serialVersionUID = 1L;

    /** The path under the application root. */
    public static final String PATH = "/license/details.txt";

    private DetailsDownloadServlet(LicenseService service) {
        super(service);
    }

    public static void register(ServletContext context, LicenseService service) {
        new DetailsDownloadServlet(service).register(context, "NetVizura License Details download", PATH);
    }

    @Override
    protected void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] text = service.details().toText().getBytes(StandardCharsets.UTF_8);
        AttachmentResponse.send(response, "text/plain;charset=UTF-8", "license-details.txt", text);
    }
}

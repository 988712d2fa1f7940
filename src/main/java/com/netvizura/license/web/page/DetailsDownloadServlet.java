package com.netvizura.license.web.page;

import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Download of the License Details as {@code license-details.txt} ({@code GET /license/details.txt}), for admins
 * only: checked here in code as well, because in an overlay the host's {@code web.xml} decides what the container
 * protects. Registered in code by {@code web.LicenseInitializer} so that it exists in an overlay too.
 */
public final class DetailsDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The path under the application root. */
    public static final String PATH = "/license/details.txt";

    private final transient LicenseService service;

    public DetailsDownloadServlet(LicenseService service) {
        this.service = service;
    }

    public static void register(ServletContext context, LicenseService service) {
        ServletRegistration.Dynamic registration =
                context.addServlet("NetVizura License Details download", new DetailsDownloadServlet(service));
        if (registration != null) {
            registration.addMapping(PATH);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!AdminGate.isAdmin(request, service)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        byte[] text = service.details().toText().getBytes(StandardCharsets.UTF_8);
        AttachmentResponse.send(response, "text/plain;charset=UTF-8", "license-details.txt", text);
    }
}

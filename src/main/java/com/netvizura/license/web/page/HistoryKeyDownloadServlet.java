package com.netvizura.license.web.page;

import com.netvizura.license.model.LogValue;
import com.netvizura.license.service.LicenseDataException;
import com.netvizura.license.service.LicenseService;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Download of an earlier license key from the History ({@code GET /license/history-key?file=NAME}), for admins only
 * ({@link AdminDownloadServlet}). The name is only looked up in the service's own list of history files, never used
 * as a path: any other name is 404.
 */
public final class HistoryKeyDownloadServlet extends AdminDownloadServlet {

    private static final long serialVersionUID = 1L;

    /** The path under the application root. */
    public static final String PATH = "/license/history-key";
    /** The request parameter naming the history file. */
    public static final String FILE_PARAM = "file";

    private static final System.Logger LOG = System.getLogger(HistoryKeyDownloadServlet.class.getName());

    private HistoryKeyDownloadServlet(LicenseService service) {
        super(service);
    }

    public static void register(ServletContext context, LicenseService service) {
        new HistoryKeyDownloadServlet(service).register(context, "NetVizura License history key download", PATH);
    }

    @Override
    protected void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter(FILE_PARAM);
        Optional<byte[]> key;
        try {
            key = service.previousKey(name);
        } catch (LicenseDataException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read the history key " + LogValue.of(name) + ": " + e.getMessage(), e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        if (key.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // The name is one of the store's own ([0-9TZ.] timestamp, '_', [A-Za-z0-9._-] id): safe in the header.
        AttachmentResponse.send(response, "application/octet-stream", name, key.get());
    }
}

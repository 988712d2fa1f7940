package com.netvizura.license.web.page;

import com.netvizura.license.model.UsageDay;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Download of the daily usage peaks of the last 12 months as CSV ({@code GET /license/usage.csv}, admins only), in
 * the format of {@code usage.csv}: {@code date,name,peak,limit}. For the renewal: the vendor sizes it from these.
 * Checked here in code as well, because in an overlay the host's {@code web.xml} decides what the container protects.
 */
public final class UsageDownloadServlet extends HttpServlet {

    /** The path under the application root. */
    public static final String PATH = "/license/usage.csv";
    private static final long serialVersionUID = 1L;

    private final transient LicenseService service;

    public UsageDownloadServlet(LicenseService service) {
        this.service = service;
    }

    public static void register(ServletContext context, LicenseService service) {
        ServletRegistration.Dynamic registration =
                context.addServlet("NetVizura License usage download", new UsageDownloadServlet(service));
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
        LocalDate today = service.today();
        LocalDate from = today.minusYears(1).plusDays(1);
        StringBuilder csv = new StringBuilder("date,name,peak,limit\r\n");
        for (UsageDay d : service.usageDays()) {
            if (!d.date().isBefore(from) && !d.date().isAfter(today)) {
                csv.append(d.date()).append(',').append(d.name()).append(',').append(d.peak()).append(',');
                d.limit().ifPresent(csv::append);
                csv.append("\r\n");
            }
        }
        AttachmentResponse.send(response, "text/csv;charset=UTF-8", "netvizura-usage-" + today + ".csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}

package com.netvizura.license.web.page;

import com.netvizura.license.model.UsageDay;
import com.netvizura.license.service.LicenseService;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Download of the daily usage peaks of the last 12 months as CSV ({@code GET /license/usage.csv}, admins only), in
 * the format of {@code usage.csv}: {@code date,name,peak,limit}. For the renewal: the vendor sizes it from these.
 */
public final class UsageDownloadServlet extends AdminDownloadServlet {

    /** The path under the application root. */
    public static final String PATH = "/license/usage.csv";
    private static final long serialVersionUID = 1L;

    private UsageDownloadServlet(LicenseService service) {
        super(service);
    }

    public static void register(ServletContext context, LicenseService service) {
        new UsageDownloadServlet(service).register(context, "NetVizura License usage download", PATH);
    }

    @Override
    protected void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
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

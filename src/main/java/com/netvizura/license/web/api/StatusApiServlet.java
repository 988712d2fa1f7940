package com.netvizura.license.web.api;

import com.netvizura.license.model.Messages;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.LicenseStatusReport;
import com.netvizura.license.web.LicensePaths;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The status API for monitoring (DESIGN.md section 8): {@code GET /api/license} answers the license as JSON,
 * {@code GET /api/license/metrics} the Prometheus metrics. Open to {@code Authorization: Bearer <apiToken>} and to
 * an admin's login ({@link ApiAccess}); anyone else, a logged-in user without the admin role included, gets 401 with
 * {@code WWW-Authenticate: Bearer}. GET and HEAD, and on {@code /api/license} PUT, which applies a key
 * ({@link KeyApplyApi}, admin token only); 405 with {@code Allow} otherwise. Every answer is
 * {@code Cache-Control: no-store}. It answers from the service's cached verdict: no file read, no signature check
 * per call. Registered in code by {@code web.LicenseInitializer}, so that it exists in an overlay too; the guard and
 * the session reset let its paths through ({@link LicensePaths#isStatusApi}).
 */
public final class StatusApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final JsonProvider JSON = JsonProvider.provider();

    private final transient LicenseService service;
    private final transient ApiAccess access;
    private final transient KeyApplyApi keyApply;

    public StatusApiServlet(LicenseService service) {
        this.service = service;
        this.access = new ApiAccess(service.settings().adminRole(), service.settings().apiToken(),
                service.settings().apiAdminToken());
        this.keyApply = new KeyApplyApi(service, access);
    }

    public static void register(ServletContext context, LicenseService service) {
        ServletRegistration.Dynamic registration =
                context.addServlet("NetVizura License status API", new StatusApiServlet(service));
        if (registration != null) {
            registration.addMapping(LicensePaths.STATUS_API, LicensePaths.METRICS_API);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        boolean keyPath = LicensePaths.STATUS_API.equals(LicensePaths.pathOf(request));
        if (keyPath && "PUT".equals(method)) {
            keyApply.put(request, response);
            return;
        }
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", keyPath ? "GET, HEAD, PUT" : "GET, HEAD");
            answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, JSON_TYPE, error("method_not_allowed",
                    Messages.get(keyPath ? "api.key.methodNotAllowed" : "api.methodNotAllowed")), head);
            return;
        }
        ApiAccess.Decision decision = access.decide(request);
        if (decision != ApiAccess.Decision.ALLOWED) {
            response.setHeader("WWW-Authenticate", ApiAccess.challenge(decision));
            answer(response, HttpServletResponse.SC_UNAUTHORIZED, JSON_TYPE, error("unauthorized",
                    Messages.get("api.unauthorized")), head);
            return;
        }
        LicenseStatusReport report = service.status();
        if (LicensePaths.METRICS_API.equals(LicensePaths.pathOf(request))) {
            LicenseMetrics.Exposition metrics = LicenseMetrics.of(report, service.usage(),
                    request.getHeader("Accept"));
            answer(response, HttpServletResponse.SC_OK, metrics.contentType(), metrics.body(), head);
        } else {
            answer(response, HttpServletResponse.SC_OK, JSON_TYPE, StatusJson.of(report, service.usage()), head);
        }
    }

    /** Writes {@code body} (not for HEAD, which gets the same headers, Content-Length included). */
    static void answer(HttpServletResponse response, int status, String contentType, byte[] body, boolean head)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    static byte[] error(String code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (var writer = JSON.createWriter(out)) {
            writer.writeObject(JSON.createObjectBuilder().add("error", code).add("message", message).build());
        }
        return out.toByteArray();
    }
}

package com.netvizura.license.web.filter;

import com.netvizura.license.model.Actor;
import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Messages;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import com.netvizura.license.web.LicensePaths;
import com.netvizura.license.web.PlainPage;
import com.netvizura.license.web.RedirectTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Bounds what a request may make the server read: a body whose declared length is over {@value #MAX_BODY_BYTES}
 * bytes is refused with 413 before anything reads it, and a multipart body that declares no length (chunked) with
 * 411. Without this, any logged-in user's 200 MB multipart POST was written to Tomcat's work directory whole before
 * the page said "larger than 64 KiB": the container parses a multipart body as soon as anyone asks for a request
 * parameter. The largest key is 64 KiB; 256 KiB leaves room for the form around it.
 *
 * <p>The plugin registers it in code in front of its other filters on {@code /license/*} (so an overlay has it too);
 * there a refused multipart request to the License page by an admin is an upload attempt and gets an audit line
 * ({@link LicenseService#refuseUpload}; anyone else's gets a log line only), and the License page's upload the size sentence that ends "Your current license is
 * unchanged.". The standalone shell's {@code web.xml} maps it on every page as well (no audit there), beside its
 * Faces servlet's {@code multipart-config}, which bounds what the container itself reads.
 */
public class RequestBodyLimitFilter extends HttpFilter {

    /** The largest request body the pages accept. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(RequestBodyLimitFilter.class.getName());

    /** Who audits refused uploads; null for the shell's mapping, which audits nothing. */
    private final transient LicenseService service;

    /** For the standalone shell's {@code web.xml}: refuses, audits nothing. */
    public RequestBodyLimitFilter() {
        this.service = null;
    }

    public RequestBodyLimitFilter(LicenseService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        boolean multipart = isMultipart(request);
        if (length > MAX_BODY_BYTES) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    isLicensePage(request) && multipart ? "web.upload.tooLarge" : "web.request.tooLarge");
        } else if (length < 0 && multipart) {
            refuse(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "web.upload.noLength");
        } else {
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String sentenceKey)
            throws IOException {
        String sentence = Messages.get(sentenceKey);
        Actor actor = AdminGate.actor(request);
        LOG.log(System.Logger.Level.INFO, "Refused a request body of [{0}] bytes to {1} by {2} from {3}: {4}",
                request.getContentLengthLong(), LogValue.of(LicensePaths.pathOf(request)), LogValue.of(actor.user()),
                LogValue.of(actor.remoteAddress()), status);
        if (isAdminUpload(request)) {
            service.refuseUpload(actor, sentence);
        }
        // The body stays unread; the connection is closed after the answer rather than read to its end.
        PlainPage.titled(Messages.get("web.request.refusedTitle"))
                .paragraph("uploadRefusal", sentence)
                .link("backToPage", RedirectTarget.page(request, LicensePaths.pathOf(request)), Messages.get("web.back"))
                .writeTo(response, status, "Connection", "close");
    }

    /**
     * Only an admin's upload attempt is an audit event (and counts in {@code netvizura_license_refused_total}): a
     * multipart POST to the License page by an admin, from a page of this application. Anyone else's oversized
     * body is refused all the same, with a log line only: a plain user must not be able to write audit lines.
     */
    private boolean isAdminUpload(HttpServletRequest request) {
        return service != null && isMultipart(request) && isLicensePage(request)
                && AdminGate.mayChange(request, service.settings().adminRole());
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isLicensePage(HttpServletRequest request) {
        return LicensePaths.LICENSE_PAGE.equals(LicensePaths.pathOf(request));
    }
}

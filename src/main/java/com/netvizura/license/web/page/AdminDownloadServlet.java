package com.netvizura.license.web.page;

import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A download for admins only, checked here in code as well (in an overlay the host's {@code web.xml} decides what
 * the container protects): anyone else gets 403 before {@link #download} runs. Registered in code by
 * {@code web.WebRegistration}, so that it exists in an overlay too.
 */
abstract class AdminDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The service; transient: a servlet is never serialized, but HttpServlet is Serializable. */
    protected final transient LicenseService service;

    AdminDownloadServlet(LicenseService service) {
        this.service = service;
    }

    /** Adds this servlet to {@code context} as {@code name} on {@code path}, unless a servlet of that name exists. */
    final void register(ServletContext context, String name, String path) {
        ServletRegistration.Dynamic registration = context.addServlet(name, this);
        if (registration != null) {
            registration.addMapping(path);
        }
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!AdminGate.isAdmin(request, service)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        download(request, response);
    }

    /** Answers an admin's request. */
    protected abstract void download(HttpServletRequest request, HttpServletResponse response) throws IOException;
}

package com.netvizura.license.web;

import com.netvizura.license.service.LicenseDataException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.web.page.LicenseNotices;
import com.netvizura.license.web.page.PageFrame;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the license service and registers the plugin's listeners and filters in code, so that they are there
 * also when the plugin is laid over the host NetVizura WAR, whose {@code web.xml} wins (and may switch annotation
 * scanning off). Declared in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 *
 * <p>The hardware probe and the first verification of the active key run here, at deployment, never on a request.
 * Wrong settings or an unreadable data directory stop the deployment with a message that says what to fix. What the
 * start leaves running is stopped by {@link LicenseShutdown} when the application stops.
 */
public final class LicenseInitializer implements ServletContainerInitializer {

    /** The context attribute under which the host application finds the {@link LicenseService}. */
    public static final String SERVICE_ATTRIBUTE = LicenseService.class.getName();

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        Settings settings = Settings.fromSystem(context::getInitParameter);
        context.log("NetVizura License settings: " + settings);
        Optional<String> frameProblem = PageFrame.problem(settings, context::getResource);
        if (frameProblem.isPresent()) {
            throw new ServletException("NetVizura License cannot start: " + frameProblem.get());
        }
        LicenseService service;
        try {
            service = LicenseService.startOnThisServer(settings, context.getServerInfo());
        } catch (LicenseDataException e) {
            throw new ServletException("NetVizura License cannot start: " + e.getMessage(), e);
        }
        try {
            context.addListener(new LicenseShutdown(context).then("stop the license service", service::stop));
            context.setAttribute(SERVICE_ATTRIBUTE, service);
            context.setAttribute(LicenseNotices.ATTRIBUTE, new LicenseNotices(service));
            WebRegistration.register(context, service);
        } catch (RuntimeException e) {
            service.stop(); // a deployment that fails here never reaches contextDestroyed
            throw e;
        }
    }

    /** The service started for {@code context}; fails loudly when the initializer did not run. */
    public static LicenseService service(ServletContext context) {
        Object service = context.getAttribute(SERVICE_ATTRIBUTE);
        if (!(service instanceof LicenseService)) {
            throw new IllegalStateException("ERROR_NOT_STARTED: the NetVizura License initializer did not run; keep "
                    + "META-INF/services/jakarta.servlet.ServletContainerInitializer in the WAR's classes");
        }
        return (LicenseService) service;
    }
}

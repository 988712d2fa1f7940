package com.netvizura.license.web;

import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.api.StatusApiServlet;
import com.netvizura.license.web.api.UsageApiServlet;
import com.netvizura.license.web.filter.AdminPathFilter;
import com.netvizura.license.web.filter.AjaxLoginRedirectFilter;
import com.netvizura.license.web.filter.CrossSitePostFilter;
import com.netvizura.license.web.filter.ErrorPageFilter;
import com.netvizura.license.web.filter.LicenseGuardFilter;
import com.netvizura.license.web.filter.RequestBodyLimitFilter;
import com.netvizura.license.web.filter.SecurityHeadersFilter;
import com.netvizura.license.web.filter.SessionEpoch;
import com.netvizura.license.web.filter.SessionResetFilter;
import com.netvizura.license.web.page.DetailsDownloadServlet;
import com.netvizura.license.web.page.HistoryKeyDownloadServlet;
import com.netvizura.license.web.page.UsageDownloadServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Adds the plugin's listeners, filters and servlets to the application in code (see {@link LicenseInitializer} for
 * why): the one place where the rooms {@code web.filter}, {@code web.page} and {@code web.api} are wired in.
 *
 * <p>All filters go in front of the filters the application's {@code web.xml} declares, in this order: session
 * reset (a stale session must not reach anything else); on {@code /license/*} the error page (around everything
 * after it), the request body limit (before anything reads a parameter), the security headers, the cross-site POST
 * check and the admin check; then the license guard.
 * The AJAX login redirect runs on forwards to the FORM login page.
 */
public final class WebRegistration {

    static final String PREFIX = "NetVizura License ";

    private WebRegistration() {
    }

    static void register(ServletContext context, LicenseService service) {
        registerFilters(context, service);
        DetailsDownloadServlet.register(context, service);
        HistoryKeyDownloadServlet.register(context, service);
        UsageDownloadServlet.register(context, service);
        StatusApiServlet.register(context, service);
        UsageApiServlet.register(context, service);
    }

    private static void registerFilters(ServletContext context, LicenseService service) {
        context.addListener(new SessionEpoch(service));
        add(context, "session reset", new SessionResetFilter(service), EnumSet.of(DispatcherType.REQUEST), "/*");
        add(context, "error page", new ErrorPageFilter(), EnumSet.of(DispatcherType.REQUEST), "/license/*");
        // Before anything below can ask for a parameter, which makes the container read (and store) a multipart body.
        add(context, "request body limit", new RequestBodyLimitFilter(service), EnumSet.of(DispatcherType.REQUEST),
                "/license/*");
        add(context, "security headers", new SecurityHeadersFilter(SecurityHeaders.Scope.PLUGIN),
                EnumSet.of(DispatcherType.REQUEST), "/license/*");
        add(context, "cross-site POST check", new CrossSitePostFilter(), EnumSet.of(DispatcherType.REQUEST),
                "/license/*");
        add(context, "admin check", new AdminPathFilter(service.settings().adminRole()),
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD), "/license/*");
        if (service.settings().guardEnabled()) {
            add(context, "guard", new LicenseGuardFilter(service), EnumSet.of(DispatcherType.REQUEST), "/*");
        } else {
            context.log(PREFIX + "guard is off (netvizura.license.guard=false)");
        }
        Optional<String> loginPage = loginPage(context);
        if (loginPage.isPresent()) {
            // The forward's target path is known only inside the filter: map on every forward, act on one.
            add(context, "AJAX login redirect", new AjaxLoginRedirectFilter(loginPage.get()),
                    EnumSet.of(DispatcherType.FORWARD), "/*");
        } else {
            context.log(PREFIX + "found no FORM login page in /WEB-INF/web.xml: a Faces AJAX request without a "
                    + "session gets whatever the application's login answers");
        }
    }

    private static void add(ServletContext context, String name, Filter filter, EnumSet<DispatcherType> dispatchers,
            String... paths) {
        FilterRegistration.Dynamic registration = context.addFilter(PREFIX + name, filter);
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(dispatchers, false, paths);
    }

    private static Optional<String> loginPage(ServletContext context) {
        try {
            return FormLoginPage.from(context.getResourceAsStream("/WEB-INF/web.xml"));
        } catch (IOException e) {
            context.log(PREFIX + "could not read /WEB-INF/web.xml for the FORM login page: " + e.getMessage());
            return Optional.empty();
        }
    }
}

package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.service.LicenseService;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The license notice of the service's cached verdict, put in words once a verdict and locale ({@link PerVerdict}),
 * so admin requests between two verdicts get the same words without formatting a sentence. Reads nothing but the
 * service's verdict, day and settings. One instance an application, kept as the servlet-context attribute
 * {@link #ATTRIBUTE} by {@code web.LicenseInitializer}.
 */
public final class LicenseNotices {

    /** The servlet-context attribute that holds the application's instance. */
    public static final String ATTRIBUTE = LicenseNotices.class.getName();

    static final String ERROR_NOT_STARTED = "ERROR_NOT_STARTED: no " + ATTRIBUTE + " in the servlet context; the "
            + "NetVizura License initializer did not run (keep META-INF/services/jakarta.servlet."
            + "ServletContainerInitializer in the WAR's classes)";

    private final LicenseService service;
    private final PerVerdict<Worded> words = new PerVerdict<>();
    private final Map<String, String> resourcePaths = new ConcurrentHashMap<>();
    private final UsageNotice usageNotice = new UsageNotice();

    /** The words around a notice: its label, the link and the Dismiss button. */
    public record Labels(String label, String open, String dismiss, String dismissTitle) {

        static Labels of(Locale locale) {
            return new Labels(Messages.get(locale, "web.notice.label"), Messages.get(locale, "web.notice.open"),
                    Messages.get(locale, "web.notice.dismiss"), Messages.get(locale, "web.notice.dismissTitle"));
        }
    }

    /** One verdict's notice and the words around it. */
    private record Worded(Optional<LicenseNotice> notice, Labels labels) {
    }

    public LicenseNotices(LicenseService service) {
        this.service = service;
    }

    /** The application's instance. */
    public static LicenseNotices of(ServletContext context) {
        Object notices = context.getAttribute(ATTRIBUTE);
        if (!(notices instanceof LicenseNotices)) {
            throw new IllegalStateException(ERROR_NOT_STARTED);
        }
        return (LicenseNotices) notices;
    }

    /** The service whose verdict the notices put in words. */
    public LicenseService service() {
        return service;
    }

    /** The request path of the plugin's resource {@code name} (the same for every request: asked once). */
    public String resourcePath(FacesContext faces, String library, String name) {
        return resourcePaths.computeIfAbsent(library + "/" + name,
                key -> faces.getApplication().getResourceHandler().createResource(name, library).getRequestPath());
    }

    /**
     * What the notice says now in {@code locale}, empty when there is nothing to say: the end of the license when it
     * is near (or the license is not usable), else a limit nearly used up or exceeded ({@link UsageNotice}).
     */
    public Optional<LicenseNotice> now(Locale locale) {
        Optional<LicenseNotice> notice = worded(locale).notice();
        return notice.isPresent() ? notice : usageNotice.now(service, locale);
    }

    /** The words around the notice in {@code locale}. */
    public Labels labels(Locale locale) {
        return worded(locale).labels();
    }

    private Worded worded(Locale locale) {
        Verdict verdict = service.verdict();
        return words.get(verdict, locale, () -> new Worded(
                LicenseNotice.of(verdict, service.today(), service.settings().noticeDays(), locale),
                Labels.of(locale)));
    }
}

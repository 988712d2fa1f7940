package com.netvizura.license.web.page;

import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Optional;

/**
 * The page frame of the License page, About and the required page: the Facelets template that
 * {@code netvizura.license.template} names (the standalone shell's {@code web.xml} names its own; a host names its
 * layout), else the plugin's own frame {@value #OWN_FRAME}. Pages use it as
 * {@code <ui:composition template="#{nvFrame.template}">} and fill the slots {@code title}, {@code metadata} and
 * {@code content}; they bring their own stylesheet, script and forms, so a frame needs nothing of the plugin but
 * {@code <h:head>}, {@code <h:body>} and those slots.
 */
@Named("nvFrame")
@ApplicationScoped
public class PageFrame {

    /** The plugin's own minimal frame, used when no template is named. */
    public static final String OWN_FRAME = "/license/template.xhtml";

    static final String ERROR_NO_TEMPLATE = "Setting " + Settings.TEMPLATE + " names [%s], which is no file of this "
            + "application: name the Facelets template of the application's page frame (for example "
            + "/WEB-INF/templates/layout.xhtml), or remove the setting to use the plugin's own frame.";

    /** A path inside the application to the file there, or {@code null}: {@code ServletContext::getResource}. */
    @FunctionalInterface
    public interface Resources {
        URL find(String path) throws MalformedURLException;
    }

    @Inject
    LicenseService service;

    private String template;

    @PostConstruct
    void init() {
        template = of(service.settings());
    }

    /** The Facelets path of the frame the plugin's pages render in. */
    public String getTemplate() {
        return template;
    }

    /** The frame {@code settings} name, else {@link #OWN_FRAME}. */
    public static String of(Settings settings) {
        return settings.template().orElse(OWN_FRAME);
    }

    /**
     * Checks at start-up that the named template exists, so that a typing error stops the deployment with a sentence
     * instead of failing every page of the plugin later.
     *
     * @return the sentence for the deployment log when it does not exist
     */
    public static Optional<String> problem(Settings settings, Resources resources) {
        Optional<String> named = settings.template();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (resources.find(named.get()) != null) {
                return Optional.empty();
            }
        } catch (MalformedURLException e) {
            // Not a path the container can look up: as missing.
        }
        return Optional.of(String.format(ERROR_NO_TEMPLATE, named.get()));
    }
}

package com.netvizura.license.web.page;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * About (every logged-in user): product, version, build date and a summary of the license. The Installation Code
 * and the License Details are for admins only and stay on the License page.
 */
@Named("nvAbout")
@RequestScoped
public class AboutPage {

    @Inject
    LicenseService service;

    private String version;
    private String buildDate;
    private LicenseSummary summary;
    private boolean admin;

    @PostConstruct
    void init() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = PageText.locale(faces);
        BuildInfo build = service.build();
        version = build.version();
        buildDate = LicenseSummary.dateFormat(locale).format(build.releaseDate());
        summary = LicenseSummary.of(service.verdict(), service.zone(), locale);
        admin = AdminGate.mayView(faces, service);
    }

    public String getVersion() {
        return version;
    }

    public String getBuildDate() {
        return buildDate;
    }

    public LicenseSummary getSummary() {
        return summary;
    }

    /** Whether to offer the link to the License page. */
    public boolean isAdmin() {
        return admin;
    }
}

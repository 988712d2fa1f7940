package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.service.LicenseService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backing bean of {@code /license/required.xhtml}, the page the license guard shows users who are not admins while
 * the license is not usable: what is wrong in plain words and whom to ask. Named {@code nvLicenseRequired} so that
 * it cannot clash with a bean of the host application in an overlay.
 */
@Named("nvLicenseRequired")
@RequestScoped
public class LicenseRequiredPage {

    @Inject
    LicenseService service;

    public String getTitle() {
        return Messages.get(service.isOperational() ? "web.required.inOrder" : "web.required.title");
    }

    public String getMessage() {
        return Messages.get("web.required.message");
    }

    public String getSupport() {
        return Messages.get("web.required.support", service.settings().supportEmail());
    }

    public String getSupportEmail() {
        return service.settings().supportEmail();
    }

    /** Whether the license became usable again (the page then offers the way back). */
    public boolean isOperational() {
        return service.isOperational();
    }
}

package com.netvizura.license.web.page;

import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The logged-in user as the plugin's own page header needs it: name, and whether to offer the License page. */
@Named("nvUser")
@RequestScoped
public class CurrentUser {

    @Inject
    LicenseService service;

    private Boolean admin;

    public String getName() {
        return AdminGate.request(FacesContext.getCurrentInstance()).getRemoteUser();
    }

    /** Whether the user has the admin role of the settings (netvizura.license.adminRole). */
    public boolean isAdmin() {
        if (admin == null) {
            admin = AdminGate.mayView(FacesContext.getCurrentInstance(), service);
        }
        return admin;
    }
}

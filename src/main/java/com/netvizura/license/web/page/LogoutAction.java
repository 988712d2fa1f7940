package com.netvizura.license.web.page;

import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Log out of the standalone shell: the container forgets the user, the session and everything in it is
 * dropped, and the browser is sent to the application root, which shows the login form again.
 * Named {@code nvLogout} so that it cannot clash with a bean of the host application in an overlay.
 */
@Named("nvLogout")
@RequestScoped
public class LogoutAction {

    @Inject
    LicenseService service;

    /** Ends the login and the session, then redirects to the application root. */
    public void logOut() throws IOException, ServletException {
        endSession(FacesContext.getCurrentInstance());
    }

    /**
     * Reset, in the pop-up after an applied key ({@link KeyApply}): logs out like Log out does, so the browser lands
     * on the login form; only an admin may (everyone else's sessions end at their next click anyway).
     */
    public void reset() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service)) {
            return;
        }
        endSession(faces);
    }

    /** What logging out does, also for Reset after a license change. */
    static void endSession(FacesContext faces) throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/");
    }
}

package com.netvizura.license.web;

import com.netvizura.license.model.Actor;
import com.netvizura.license.service.LicenseService;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The License page's own access rule, checked in code on every load and every action: the container's
 * security constraint may be missing (an overlay whose host {@code web.xml} does not protect {@code /license/*})
 * or name another role than the setting {@code netvizura.license.adminRole}. Changes must in addition come from a
 * page of this application ({@link SameOrigin}).
 */
public final class AdminGate {

    private AdminGate() {
    }

    /** Whether the logged-in user has the admin role of the settings. */
    public static boolean isAdmin(HttpServletRequest request, LicenseService service) {
        return isAdmin(request, service.settings().adminRole());
    }

    public static boolean isAdmin(HttpServletRequest request, String adminRole) {
        return request.getRemoteUser() != null && request.isUserInRole(adminRole);
    }

    /** Whether {@code request} may change something: an admin's, from a page of this application. */
    public static boolean mayChange(HttpServletRequest request, String adminRole) {
        return isAdmin(request, adminRole) && SameOrigin.check(request);
    }

    /** Whether the current Faces request may view the License page. */
    public static boolean mayView(FacesContext faces, LicenseService service) {
        return isAdmin(request(faces), service);
    }

    /**
     * Whether the current Faces request may change something: an admin, from a page of this application.
     * When not, the answer is already 403 and the response complete; the caller just returns.
     */
    public static boolean mayChange(FacesContext faces, LicenseService service) {
        if (mayChange(request(faces), service.settings().adminRole())) {
            return true;
        }
        forbid(faces);
        return false;
    }

    /** Answers 403 (the container shows its error page) and skips the rest of the Faces lifecycle. */
    public static void forbid(FacesContext faces) {
        try {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, "Access denied");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            // Response already committed: nothing more can be said to the client; the action still does nothing.
        }
        faces.responseComplete();
    }

    /** Who is acting, for the audit log: user name and remote address of the request. */
    public static Actor actor(FacesContext faces) {
        return actor(request(faces));
    }

    /** Who is acting, for the audit log: the logged-in user ("anonymous" before a login) and the remote address. */
    public static Actor actor(HttpServletRequest request) {
        return new Actor(Objects.requireNonNullElse(request.getRemoteUser(), "anonymous"),
                String.valueOf(request.getRemoteAddr()));
    }

    public static HttpServletRequest request(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        return (HttpServletRequest) external.getRequest();
    }
}

package com.netvizura.license.web;

import com.netvizura.license.service.LicenseService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Backing bean of the tag {@code <nvl:licenseNotice/>} that a page frame places once: whether this request shows
 * the license notice, and what it says. Shown to admins only (role {@code netvizura.license.adminRole}), when the
 * license has something to say ({@link LicenseNotice}) and this browser has not dismissed the threshold now crossed
 * (cookie {@value #DISMISS_COOKIE}, set by {@code notice.js}).
 *
 * <p>Costs one role check, one cookie look-up and the service's cached verdict a request: no file read, no
 * signature check, no hardware probe. Non-admins cost only the role check.
 */
@Named("nvNotice")
@RequestScoped
public class LicenseNoticeTag {

    /** The cookie that holds the threshold this browser dismissed ({@link LicenseNotice#dismissKey}). */
    public static final String DISMISS_COOKIE = "nvlNoticeDismissed";

    @Inject
    LicenseService service;

    private LicenseNotice notice;
    private String cookiePath;
    private boolean onLicensePage;

    @PostConstruct
    void init() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = AdminGate.request(faces);
        if (!AdminGate.isAdmin(request, service)) {
            return;
        }
        Optional<LicenseNotice> now = LicenseNotice.of(service.verdict(), service.today(),
                service.settings().noticeDays(), PageText.locale(faces));
        if (now.isPresent() && !dismissed(now.get(), request)) {
            notice = now.get();
            cookiePath = request.getContextPath() + "/";
            onLicensePage = faces.getViewRoot() != null
                    && LicensePaths.LICENSE_PAGE.equals(faces.getViewRoot().getViewId());
        }
    }

    private static boolean dismissed(LicenseNotice notice, HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || notice.dismissKey().isEmpty()) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (DISMISS_COOKIE.equals(cookie.getName()) && notice.dismissKey().get().equals(cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the notice is rendered in this request. */
    public boolean isShown() {
        return notice != null;
    }

    /** What it says; {@code null} when it is not shown. */
    public LicenseNotice getNotice() {
        return notice;
    }

    public String getCookieName() {
        return DISMISS_COOKIE;
    }

    /** The dismissal holds for the whole application: its context path. */
    public String getCookiePath() {
        return cookiePath;
    }

    /** Whether the page is the License page itself (the notice then needs no link to it). */
    public boolean isOnLicensePage() {
        return onLicensePage;
    }
}

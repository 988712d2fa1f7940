package com.netvizura.license.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;

/**
 * The plugin's addresses and which of them the guard and the admin check let through. Paths are within the
 * application, as the container decoded and normalized them ({@code servletPath + pathInfo}), so that
 * {@code /license/%61bout.xhtml}, {@code ;jsessionid=} parameters or doubled slashes cannot sneak past a rule.
 * Matching is exact and case-sensitive: a path that merely looks like an open one is treated as closed.
 */
public final class LicensePaths {

    /** Everything of the plugin's license administration lies below this prefix. */
    public static final String LICENSE_AREA = "/license/";
    /** The License page (admins). */
    public static final String LICENSE_PAGE = "/license/license.xhtml";
    /** The About page (every logged-in user). */
    public static final String ABOUT_PAGE = "/license/about.xhtml";
    /** The page that tells a non-admin that the license needs attention (every logged-in user). */
    public static final String REQUIRED_PAGE = "/license/required.xhtml";

    /** The status API: JSON of the license (admins' sessions or the bearer token, checked in code). */
    public static final String STATUS_API = "/api/license";
    /** The Prometheus metrics, same access rule as {@link #STATUS_API}. */
    public static final String METRICS_API = "/api/license/metrics";
    /** Usage reports ({@code PUT}, the admin token only, checked in code). */
    public static final String USAGE_API = "/api/license/usage";

    /** Below {@link #LICENSE_AREA}, open to every logged-in user; everything else there is for admins. */
    private static final Set<String> OPEN_LICENSE_PAGES = Set.of(ABOUT_PAGE, REQUIRED_PAGE);

    /**
     * What the guard never redirects: the license area, login and logout, resources, error pages, the icon, and the
     * status API (monitoring must see a license that stops NetVizura).
     */
    private static final List<String> GUARD_OPEN_PREFIXES = List.of(LICENSE_AREA, "/jakarta.faces.resource/",
            "/faces/jakarta.faces.resource/", "/resources/", "/errors/");
    private static final Set<String> GUARD_OPEN_PATHS = Set.of("/favicon.ico", "/j_security_check", "/logout",
            STATUS_API, METRICS_API, USAGE_API);

    private LicensePaths() {
    }

    /** The path of {@code request} within the application, decoded and normalized by the container. */
    public static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    /** Whether the license guard lets {@code path} through even when the license is not operational. */
    public static boolean guardAllows(String path) {
        if (GUARD_OPEN_PATHS.contains(path) || path.endsWith("/j_security_check")) {
            return true;
        }
        for (String prefix : GUARD_OPEN_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code path} is the status API or the metrics: answered as data, never redirected to a page. */
    public static boolean isStatusApi(String path) {
        return STATUS_API.equals(path) || METRICS_API.equals(path) || USAGE_API.equals(path);
    }

    /** Whether {@code path} is license administration, for the admin role only. */
    public static boolean isAdminOnly(String path) {
        return path.startsWith(LICENSE_AREA) && !OPEN_LICENSE_PAGES.contains(path);
    }

    /** Whether {@code path} belongs to the plugin (the cross-site POST check covers these). */
    public static boolean isLicenseArea(String path) {
        return path.startsWith(LICENSE_AREA);
    }
}

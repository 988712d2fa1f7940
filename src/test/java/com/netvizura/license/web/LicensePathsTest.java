package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LicensePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/license/license.xhtml", "/license/about.xhtml", "/license/required.xhtml",
            "/license/details.txt", "/license/upload", "/jakarta.faces.resource/theme.css.xhtml",
            "/faces/jakarta.faces.resource/core.js", "/resources/netvizura-license/shell.css", "/errors/403.xhtml",
            "/favicon.ico", "/j_security_check", "/index.xhtml/j_security_check", "/logout"})
    void guardAllows_licenseAreaLoginResourcesAndErrors(String path) {
        assertTrue(LicensePaths.guardAllows(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.xhtml", "/dashboard.xhtml", "/api/flows", "/License/license.xhtml",
            "/licenses.xhtml", "/resourcesX/a.css", "/errorsX", "/favicon.ico.xhtml", "/x/logout"})
    void guardAllows_notTheApplication(String path) {
        assertFalse(LicensePaths.guardAllows(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/license/license.xhtml", "/license/details.txt", "/license/upload", "/license/",
            "/license/About.xhtml", "/license/about.xhtml/x", "/license/new-page.xhtml"})
    void isAdminOnly_everythingBelowLicenseExceptTheTwoOpenPages_failsClosed(String path) {
        assertTrue(LicensePaths.isAdminOnly(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/license/about.xhtml", "/license/required.xhtml", "/index.xhtml", "/license",
            "/licensex/a", "/errors/403.xhtml"})
    void isAdminOnly_openPagesAndOtherPaths_areNot(String path) {
        assertFalse(LicensePaths.isAdminOnly(path), path);
    }
}

package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The upload endpoint of the License page against requests a browser page would not send on its own: from another
 * site (cross-site POST) and from a non-admin session. Each refusal is checked against a control: the very same
 * request from the admin's own page applies the key, so the imitation of the upload is faithful.
 */
class LicenseUploadSecurityIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar();
    }

    @Test
    void crossSiteUpload_isRefused_licenseUnchanged_sameRequestFromOwnPageApplies() {
        FacesVisitor admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get("license/license.xhtml").body();
        String id = PageKeys.newId();
        byte[] key = PageKeys.perpetual(id, "Cross Site Test", codeOn(page));

        HttpResponse<String> evil = admin.uploadKey(FacesVisitor.viewStateOf(page), "x.key", key, "http://evil.example");

        assertAll(
                () -> assertEquals(403, evil.statusCode(), evil.body()),
                () -> assertFalse(admin.get("license/license.xhtml").body().contains(id), "license unchanged"));

        HttpResponse<String> own = admin.uploadKey(FacesVisitor.viewStateOf(page), "x.key", key, admin.ownOrigin());
        assertAll(
                () -> assertEquals(200, own.statusCode(), own.body()),
                () -> assertTrue(own.body().contains("PF('appliedDialog').show()"), own.body()),
                () -> assertTrue(admin.get("license/license.xhtml").body().contains(id), "control: applied"));
    }

    @Test
    void uploadWithoutOriginOrReferer_isRefused() {
        FacesVisitor admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get("license/license.xhtml").body();
        String id = PageKeys.newId();

        HttpResponse<String> bare = admin.uploadKey(FacesVisitor.viewStateOf(page), "x.key",
                PageKeys.perpetual(id, "No Origin Test", codeOn(page)), null);

        assertAll(
                () -> assertEquals(403, bare.statusCode(), bare.body()),
                () -> assertFalse(admin.get("license/license.xhtml").body().contains(id), "license unchanged"));
    }

    @Test
    void nonAdminUpload_isRefused_licenseUnchanged() {
        FacesVisitor admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String adminPage = admin.get("license/license.xhtml").body();
        FacesVisitor user = new FacesVisitor(url(""));
        user.logIn(TestUser.USER);
        String userPage = user.get("license/license.xhtml").body();
        String id = PageKeys.newId();
        byte[] key = PageKeys.perpetual(id, "Non Admin Test", codeOn(adminPage));

        HttpResponse<String> withOwnState = user.uploadKey(FacesVisitor.viewStateOf(userPage), "x.key", key,
                user.ownOrigin());
        HttpResponse<String> withAdminsState = user.uploadKey(FacesVisitor.viewStateOf(adminPage), "x.key", key,
                user.ownOrigin());

        assertAll(
                () -> assertEquals(403, withOwnState.statusCode(), withOwnState.body()),
                () -> assertEquals(403, withAdminsState.statusCode(), withAdminsState.body()),
                () -> assertFalse(admin.get("license/license.xhtml").body().contains(id), "license unchanged"));
    }

    static String codeOn(String licensePage) {
        Matcher m = LicensePageIT.CODE.matcher(licensePage);
        assertTrue(m.find(), licensePage);
        return m.group(1);
    }
}

package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.FacesVisitor;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
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

    private static final LocalDate MAINTENANCE = LocalDate.now().plusYears(1);

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicenseUploadSecurityIT.class, InitialLicense.VALID);
    }

    @Test
    void crossSiteUpload_isRefused_licenseUnchanged_sameRequestFromOwnPageApplies() throws Exception {
        FacesVisitor admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get("license/license.xhtml").body();
        String id = PageKeys.newId();
        byte[] key = TestLicenses.perpetual(id, TestLicenses.IT_LICENSEE, codeOn(page), MAINTENANCE);

        byte[] activeKey = Files.readAllBytes(activeKeyFile());

        HttpResponse<String> evil = admin.uploadKey(FacesVisitor.viewStateOf(page), "x.key", key, "http://evil.example");

        assertAll(
                () -> assertEquals(403, evil.statusCode(), evil.body()),
                () -> assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "active key unchanged"),
                () -> assertFalse(admin.get("license/license.xhtml").body().contains(id), "license shown unchanged"));

        HttpResponse<String> own = admin.uploadKey(FacesVisitor.viewStateOf(page), "x.key", key, admin.ownOrigin());
        assertAll(
                () -> assertEquals(200, own.statusCode(), own.body()),
                () -> assertTrue(FacesVisitor.announcesApplied(own.body()), own.body()),
                () -> assertArrayEquals(key, Files.readAllBytes(activeKeyFile()), "control: applied"));
    }

    @Test
    void uploadWithoutOriginOrReferer_isRefused() throws Exception {
        FacesVisitor admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get("license/license.xhtml").body();
        String id = PageKeys.newId();

        byte[] activeKey = Files.readAllBytes(activeKeyFile());

        HttpResponse<String> bare = admin.uploadKey(FacesVisitor.viewStateOf(page), "x.key",
                TestLicenses.perpetual(id, "No Origin Test", codeOn(page), MAINTENANCE), null);

        assertAll(
                () -> assertEquals(403, bare.statusCode(), bare.body()),
                () -> assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "active key unchanged"),
                () -> assertFalse(admin.get("license/license.xhtml").body().contains(id), "license unchanged"));
    }

    @Test
    void nonAdminUpload_isRefused_licenseUnchanged() throws Exception {
        FacesVisitor admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String adminPage = admin.get("license/license.xhtml").body();
        FacesVisitor user = new FacesVisitor(url(""));
        user.logIn(TestUser.USER);
        String userPage = user.get("license/license.xhtml").body();
        String id = PageKeys.newId();
        byte[] key = TestLicenses.perpetual(id, "Non Admin Test", codeOn(adminPage), MAINTENANCE);

        byte[] activeKey = Files.readAllBytes(activeKeyFile());

        HttpResponse<String> withOwnState = user.uploadKey(FacesVisitor.viewStateOf(userPage), "x.key", key,
                user.ownOrigin());
        HttpResponse<String> withAdminsState = user.uploadKey(FacesVisitor.viewStateOf(adminPage), "x.key", key,
                user.ownOrigin());

        assertAll(
                () -> assertEquals(403, withOwnState.statusCode(), withOwnState.body()),
                () -> assertEquals(403, withAdminsState.statusCode(), withAdminsState.body()),
                () -> assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "active key unchanged"),
                () -> assertFalse(admin.get("license/license.xhtml").body().contains(id), "license unchanged"));
    }

    static String codeOn(String licensePage) {
        Matcher m = LicensePageIT.CODE.matcher(licensePage);
        assertTrue(m.find(), licensePage);
        return m.group(1);
    }
}

package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The License page and the details download, seen by a plain HTTP client: who may see them, and what they show. */
class LicensePageIT extends NetVizuraIT {

    static final Pattern CODE = Pattern.compile("<code id=\"installationCode\"[^>]*>(NVZ1-[0-9A-Z-]+)</code>");

    private WebClient visitor;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicensePageIT.class, InitialLicense.VALID);
    }

    @BeforeEach
    void newVisitor() {
        visitor = new WebClient(url(""));
    }

    @Test
    @Tag(NetVizuraIT.SMOKE)
    void admin_licensePage_showsStatusLicenseDetailsAndInstallationCode() {
        visitor.logIn(TestUser.ADMIN);

        HttpResponse<String> page = visitor.get("license/license.xhtml");

        Matcher code = CODE.matcher(page.body());
        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(page.body().contains("License Details"), page.body()),
                () -> assertTrue(page.body().contains("id=\"licenseStatus\""), "status section"),
                () -> assertTrue(page.body().contains("NetVizura is licensed to Integration Test Ltd"), "the sentence"),
                () -> assertTrue(page.body().contains("NVZ-IT-LICENSEPAGEIT"), "the license id"),
                () -> assertTrue(code.find(), "Installation Code shown: " + page.body()),
                () -> assertEquals(TestLicenses.thisMachineCode(), code.group(1), "this machine's code"),
                () -> assertTrue(page.body().contains("Installation Code: " + code.group(1)),
                        "the same code heads the License Details"),
                () -> assertTrue(page.body().contains("id=\"sendForm:uploadButton\""), "Upload offered"),
                () -> assertTrue(page.body().contains("id=\"sendLink\" class=\"nvl-button nvl-primary\""),
                        "without a mail server, Send is the mailto link itself"),
                () -> assertFalse(page.body().contains("sendForm:sendButton"), "no server-side Send without SMTP"),
                () -> assertTrue(page.body().contains("href=\"mailto:"), "a mailto link"),
                () -> assertFalse(page.body().contains("WEB-INF/templates"), "no standalone shell"));
    }

    @Test
    void user_licensePage_isRefused() {
        visitor.logIn(TestUser.USER);

        HttpResponse<String> page = visitor.get("license/license.xhtml");

        assertAll(
                () -> assertEquals(403, page.statusCode()),
                () -> assertFalse(page.body().contains("NVZ1-"), "no Installation Code for a non-admin"));
    }

    @Test
    void anonymous_licensePage_showsLoginForm() {
        HttpResponse<String> page = visitor.get("license/license.xhtml");

        assertAll(
                () -> assertTrue(page.body().contains("name=\"j_username\""), page.body()),
                () -> assertFalse(page.body().contains("NVZ1-"), "nothing of the page before login"));
    }

    @Test
    void admin_detailsDownload_isAttachmentWithInstallationCode() {
        visitor.logIn(TestUser.ADMIN);

        HttpResponse<String> file = visitor.get("license/details.txt");

        assertAll(
                () -> assertEquals(200, file.statusCode()),
                () -> assertEquals("attachment; filename=\"license-details.txt\"",
                        file.headers().firstValue("Content-Disposition").orElse("")),
                () -> assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/plain")),
                () -> assertTrue(file.body().startsWith("NetVizura License Details\r\n"), file.body()),
                () -> assertTrue(file.body().contains("Installation Code: NVZ1-"), file.body()));
    }

    @Test
    void user_detailsDownload_isRefused() {
        visitor.logIn(TestUser.USER);

        HttpResponse<String> file = visitor.get("license/details.txt");

        assertAll(
                () -> assertEquals(403, file.statusCode()),
                () -> assertFalse(file.body().contains("Installation Code: NVZ1-"), "no details for a non-admin"));
    }

    @Test
    void user_about_showsLicenseSummaryButNoInstallationCode() {
        visitor.logIn(TestUser.USER);

        HttpResponse<String> page = visitor.get("license/about.xhtml");

        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(page.body().contains("id=\"version\""), page.body()),
                () -> assertTrue(page.body().contains("id=\"statusText\""), page.body()),
                () -> assertFalse(page.body().contains("NVZ1-"), "no Installation Code on About"),
                () -> assertFalse(page.body().contains("manageLicense"), "no License link for a non-admin"));
    }
}

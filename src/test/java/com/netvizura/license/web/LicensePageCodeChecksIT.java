package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The License page's checks in code, alone: this WAR's {@code web.xml} lacks the container's rule for
 * {@code /license/*}, as a host WAR's {@code web.xml} in an overlay may. Non-admins must still be refused.
 */
class LicensePageCodeChecksIT extends NetVizuraIT {

    private static final String RULE_START = "<security-constraint>\n    <web-resource-collection>\n"
            + "      <web-resource-name>License administration</web-resource-name>";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        WebArchive war = builtWar(LicensePageCodeChecksIT.class, InitialLicense.VALID);
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = webXml.indexOf(RULE_START);
        int end = webXml.indexOf("</security-constraint>", start) + "</security-constraint>".length();
        if (start < 0) {
            throw new IllegalStateException("web.xml changed: the License administration rule was not found");
        }
        war.delete("WEB-INF/web.xml");
        war.addAsWebInfResource(new StringAsset(webXml.substring(0, start) + webXml.substring(end)), "web.xml");
        return war;
    }

    @Test
    void user_licensePage_isRefusedByTheBean() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        HttpResponse<String> page = user.get("license/license.xhtml");

        assertAll(
                () -> assertEquals(403, page.statusCode()),
                () -> assertFalse(page.body().contains("NVZ1-"), "no Installation Code for a non-admin"),
                () -> assertFalse(page.body().contains("uploadForm"), "no upload form for a non-admin"));
    }

    @Test
    void user_detailsDownload_isRefusedByTheServlet() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        HttpResponse<String> file = user.get("license/details.txt");

        assertAll(
                () -> assertEquals(403, file.statusCode()),
                () -> assertFalse(file.body().contains("NVZ1-"), "no details for a non-admin"));
    }

    @Test
    void admin_licensePage_stillRenders() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> page = admin.get("license/license.xhtml");

        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(LicensePageIT.CODE.matcher(page.body()).find(), page.body()));
    }
}

package com.netvizura.license.web;

import static com.netvizura.license.web.SessionResetIT.assertPartialRedirect;
import static com.netvizura.license.web.SessionResetIT.location;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin protects its admin pages and POSTs in code, as it must in an overlay where the host's web.xml has
 * none of the standalone constraints. The WAR here is the real one with a web.xml that, like a host's, constrains
 * only the dashboard (and so the root, its welcome page): no constraint on {@code /license/*}.
 */
class AdminPathIT extends NetVizuraIT {

    static final String ERROR_WEB_XML_CHANGED = "the standalone web.xml changed: update AdminPathIT's edit of it";

    private WebClient admin;

    @Deployment(testable = false)
    public static WebArchive deployment() throws IOException {
        return hostLike(builtWar(AdminPathIT.class, InitialLicense.VALID));
    }

    /**
     * {@code war} with a web.xml that, like a host's, constrains only the dashboard: neither the login rule for
     * every page nor the admin rule for {@code /license/*}, so that only the plugin's own checks protect it.
     */
    static WebArchive hostLike(WebArchive war) throws IOException {
        String webXml = new String(war.get("/WEB-INF/web.xml").getAsset().openStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String hostLike = webXml
                .replaceFirst("(?s)<security-constraint>\\s*<web-resource-collection>\\s*<web-resource-name>License "
                        + "administration</web-resource-name>.*?</security-constraint>", "")
                .replaceFirst("(<web-resource-name>Application</web-resource-name>\\s*)<url-pattern>/\\*</url-pattern>",
                        "$1<url-pattern>/index.xhtml</url-pattern>");
        if (hostLike.contains("License administration")
                || hostLike.matches("(?s).*<web-resource-name>Application</web-resource-name>\\s*<url-pattern>/\\*<.*")) {
            throw new IllegalStateException(ERROR_WEB_XML_CHANGED);
        }
        war.delete("/WEB-INF/web.xml");
        return war.addAsWebInfResource(new StringAsset(hostLike), "web.xml");
    }

    @BeforeEach
    void logInAdmin() {
        admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
    }

    @Test
    void user_adminPaths_get403_withoutAnyWebXmlConstraint() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        HttpResponse<String> page = user.getNoFollow("license/license.xhtml");

        assertAll(
                () -> assertEquals(403, page.statusCode()),
                () -> assertTrue(page.body().contains("Access denied"), page.body()),
                () -> assertEquals(403, user.getNoFollow("license/details.txt").statusCode()),
                () -> assertEquals(403, user.getNoFollow("license/License.xhtml").statusCode(), "fails closed"),
                () -> assertNotEquals(403, user.getNoFollow("license/about.xhtml").statusCode()),
                () -> assertEquals(200, user.getNoFollow("license/required.xhtml").statusCode()));
    }

    @Test
    void admin_adminPaths_areNotRefused() {
        assertNotEquals(403, admin.getNoFollow("license/license.xhtml").statusCode());
    }

    @Test
    void anonymous_adminPath_isSentToTheRootAndNeverSeesThePage() {
        WebClient anonymous = new WebClient(url(""));

        HttpResponse<String> get = anonymous.getNoFollow("license/license.xhtml");

        assertEquals(302, get.statusCode());
        assertEquals("/netvizura-license/", location(get));
        String ownOrigin = url("").toString().replaceAll("(https?://[^/]+).*", "$1");
        assertPartialRedirect(anonymous.ajaxPost("license/license.xhtml", ownOrigin), "/netvizura-license/");
        HttpResponse<String> withoutOrigin = anonymous.ajaxPost("license/license.xhtml");
        assertEquals(403, withoutOrigin.statusCode(), "no Origin, no Referer: refused before anything else");
        assertFalse(withoutOrigin.body().contains("licenseDetails"), withoutOrigin.body());
    }

    @Test
    void crossSitePost_isRefused() {
        Map<String, String> form = Map.of("jakarta.faces.ViewState", "x");

        assertAll(
                () -> assertEquals(403, admin.postFormNoFollow("license/license.xhtml", form,
                        "Origin", "http://evil.example").statusCode(), "foreign Origin"),
                () -> assertEquals(403, admin.postFormNoFollow("license/license.xhtml", form,
                        "Origin", "null").statusCode(), "opaque Origin"),
                () -> assertEquals(403, admin.postFormNoFollow("license/license.xhtml", form,
                        "Referer", "http://evil.example/page").statusCode(), "foreign Referer, no Origin"),
                () -> assertEquals(403, admin.postFormNoFollow("license/license.xhtml", Map.of("a", "b"))
                        .statusCode(), "no Origin, no Referer, no view state"),
                () -> assertEquals(403, admin.postFormNoFollow("license/license.xhtml", form).statusCode(),
                        "no Origin, no Referer: a view state is no proof of origin"));
    }

    @Test
    void ownSitePost_passes() {
        String origin = url("").toString().replaceAll("(https?://[^/]+).*", "$1");
        Map<String, String> form = Map.of("jakarta.faces.ViewState", "x");

        assertAll(
                () -> assertNotEquals(403, admin.postFormNoFollow("license/license.xhtml", form,
                        "Origin", origin).statusCode(), "own Origin"),
                () -> assertNotEquals(403, admin.postFormNoFollow("license/license.xhtml", form,
                        "Referer", origin + "/netvizura-license/license/license.xhtml").statusCode(), "own Referer"));
    }
}

package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standalone shell's container login and access rules, seen by a plain HTTP client (no browser):
 * what deployment scripts and outside tests rely on (DESIGN.md section 7), and that the login takes only a same-origin
 * POST (login forgery; the rule is the WAR's {@code WEB-INF/rewrite.config}). Runs on Tomcat 10.1 and 11.
 */
@Tag(NetVizuraIT.SMOKE)
class LoginIT extends NetVizuraIT {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");

    private WebClient visitor;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LoginIT.class, InitialLicense.VALID);
    }

    @BeforeEach
    void newVisitor() {
        visitor = new WebClient(url(""));
    }

    @Test
    void anonymousRoot_showsLoginFormThatNeedsNoScript() {
        HttpResponse<String> page = visitor.get("");

        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(page.body().contains("action=\"j_security_check\""), page.body()),
                () -> assertTrue(page.body().contains("name=\"j_username\""), page.body()),
                () -> assertTrue(page.body().contains("name=\"j_password\""), page.body()),
                () -> assertFalse(page.body().contains("<script"), "the login page must work with JavaScript off"),
                () -> assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""),
                        "a cached login form would post without its session and fail"),
                () -> assertFalse(page.body().contains("Dashboard"), "nothing of the application before login"));
    }

    @Test
    void wrongPassword_showsLoginErrorAndStaysLoggedOut() {
        HttpResponse<String> page = visitor.logIn(TestUser.ADMIN.username(), "not-the-password");

        assertAll(
                () -> assertTrue(page.body().contains("The user name or password is wrong"), page.body()),
                () -> assertTrue(page.body().contains("name=\"j_password\""), "the form is offered again"));
        assertTrue(visitor.get("").body().contains("name=\"j_username\""), "still logged out");
    }

    @Test
    void adminLogin_showsDashboardWithLicenseInMenu() {
        HttpResponse<String> page = visitor.logIn(TestUser.ADMIN);

        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(page.body().contains("NetVizura dashboard placeholder"), page.body()),
                () -> assertTrue(page.body().contains("id=\"menuLicense\""), "admins get the License entry"),
                () -> assertTrue(page.body().contains("/license/license.xhtml"), page.body()));
    }

    @Test
    void userLogin_showsDashboardWithoutLicenseInMenu() {
        HttpResponse<String> page = visitor.logIn(TestUser.USER);

        assertAll(
                () -> assertTrue(page.body().contains("NetVizura dashboard placeholder"), page.body()),
                () -> assertTrue(page.body().contains("id=\"menuAbout\""), "About is for everyone"),
                () -> assertFalse(page.body().contains("menuLicense"), "no License entry for a non-admin"),
                () -> assertFalse(page.body().contains("menuSettings"), "no empty Settings menu either"));
    }

    @Test
    void dashboard_stylesheetsAreServed() {
        String body = visitor.logIn(TestUser.ADMIN).body();
        Matcher links = STYLESHEET.matcher(body);
        int count = 0;
        while (links.find()) {
            String href = links.group(1).replace("&amp;", "&");
            HttpResponse<String> css = visitor.get(href);
            assertEquals(200, css.statusCode(), href);
            assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), href);
            count++;
        }
        assertTrue(count >= 2, "the PrimeFaces theme and the shell's own stylesheet: " + body);
    }

    @Test
    void user_licensePage_isRefusedWithAccessDeniedPage() {
        visitor.logIn(TestUser.USER);

        HttpResponse<String> page = visitor.get("license/license.xhtml");

        assertAll(
                () -> assertEquals(403, page.statusCode()),
                () -> assertTrue(page.body().contains("Access denied"), page.body()));
    }

    @Test
    void user_aboutPage_isNotRefused() {
        visitor.logIn(TestUser.USER);

        assertNotEquals(403, visitor.get("license/about.xhtml").statusCode(), "About is for every logged-in user");
    }

    @Test
    void anonymous_licensePage_showsLoginForm() {
        HttpResponse<String> page = visitor.get("license/license.xhtml");

        assertTrue(page.body().contains("name=\"j_username\""), page.body());
    }

    @Test
    void loginByGet_isRefusedAndLogsNoOneIn() {
        visitor.get("");

        HttpResponse<String> answer = visitor.getNoFollow("j_security_check?j_username=admin&j_password=admin");

        assertEquals(403, answer.statusCode(), "a link on another site must not log the browser in");
        assertLoggedOut();
    }

    /**
     * A login form on another site that posts to this one, as a browser without SameSite cookies sends it (the
     * session cookie of the login page goes along): refused, nobody logged in. {@code ORIGIN} stands for this site's
     * own origin, {@code HOST} for its host and port, {@code NAME} for its host alone.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "foreign Origin; j_security_check; Origin; http://evil.example",
            "opaque Origin; j_security_check; Origin; null",
            "own origin as a prefix; j_security_check; Origin; ORIGIN.evil.example",
            "other scheme; j_security_check; Origin; https://HOST",
            "other port; j_security_check; Origin; http://NAME:1",
            "other host; j_security_check; Origin; http://127.0.0.2",
            "foreign Referer, no Origin; j_security_check; Referer; http://evil.example/login",
            "another path the authenticator takes; license/j_security_check; Origin; http://evil.example"})
    void crossSiteLoginPost_isRefusedAndLogsNoOneIn(String vector, String path, String header, String value) {
        visitor.get("");
        String own = visitor.origin();
        String sent = value.replace("ORIGIN", own).replace("HOST", url("").getAuthority())
                .replace("NAME", url("").getHost());

        HttpResponse<String> answer = visitor.postFormNoFollow(path,
                Map.of("j_username", "admin", "j_password", "admin"), header, sent);

        assertEquals(403, answer.statusCode(), vector);
        assertLoggedOut();
    }

    /**
     * What still logs in besides a browser's POST with its own {@code Origin} (every {@link WebClient#logIn}): an older
     * browser's POST with only its {@code Referer}, and a script's POST with neither header (DESIGN.md section 7: the
     * FORM login is for deployment scripts too; no browser leaves {@code Origin} off a POST another site starts).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Referer of this site, no Origin; Referer",
            "a script: neither Origin nor Referer; X-Script"})
    void loginPost_withoutForeignOrigin_logsIn(String sender, String header) {
        visitor.get("");

        HttpResponse<String> answer = visitor.postFormNoFollow("j_security_check",
                Map.of("j_username", "admin", "j_password", "admin"), header, url("").toString());

        assertEquals(3, answer.statusCode() / 100, sender + ": " + answer.body());
        assertTrue(visitor.get("").body().contains("NetVizura dashboard placeholder"), sender + ": logged in");
    }

    private void assertLoggedOut() {
        assertTrue(visitor.get("").body().contains("name=\"j_username\""), "still the login form: nobody logged in");
    }
}

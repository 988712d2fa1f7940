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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The standalone shell's container login and access rules, seen by a plain HTTP client (no browser):
 * what deployment scripts and outside tests rely on (DESIGN.md section 7). Runs on Tomcat 10.1 and 11.
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
}

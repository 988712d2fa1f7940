package com.netvizura.license.web;

import static com.netvizura.license.web.SessionResetIT.assertPartialRedirect;
import static com.netvizura.license.web.SessionResetIT.isLoginForm;
import static com.netvizura.license.web.SessionResetIT.location;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.Poll;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The license guard on a server without a license: admins are sent to the License page, everyone else to the page
 * that says whom to ask; the allow-list stays reachable; applying a usable key lifts the guard (last, as it changes
 * the server for the tests after it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicenseGuardIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicenseGuardIT.class, InitialLicense.NONE);
    }

    @Test
    @Order(1)
    @Tag(NetVizuraIT.SMOKE)
    void user_isSentToLicenseRequiredPage_thatSaysWhomToAsk() {
        WebClient user = new WebClient(url(""));
        HttpResponse<String> landing = user.logIn(TestUser.USER);

        HttpResponse<String> redirect = user.getNoFollow("index.xhtml");

        assertAll(
                () -> assertEquals(302, redirect.statusCode()),
                () -> assertTrue(location(redirect).endsWith("/netvizura-license/license/required.xhtml"),
                        location(redirect)),
                () -> assertEquals(200, landing.statusCode()),
                () -> assertTrue(landing.uri().getPath().endsWith("/license/required.xhtml"), landing.uri().toString()),
                () -> assertTrue(landing.body().contains("The license needs attention"), landing.body()),
                () -> assertTrue(landing.body().contains("Ask your NetVizura administrator"), landing.body()),
                () -> assertTrue(landing.body().contains("support@netvizura.com"), "support e-mail from settings"),
                () -> assertTrue(landing.body().contains("Nothing has been deleted"), landing.body()),
                () -> assertTrue(landing.body().contains("id=\"logoutButton\""), "a way out: log out"));
    }

    @Test
    @Order(2)
    void admin_isSentToTheLicensePage() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> redirect = admin.getNoFollow("index.xhtml");

        assertEquals(302, redirect.statusCode());
        assertTrue(location(redirect).endsWith("/netvizura-license/license/license.xhtml"), location(redirect));
    }

    @Test
    @Order(3)
    void ajax_getsPartialResponseRedirect() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        assertPartialRedirect(user.ajaxPost("index.xhtml"), "/netvizura-license/license/required.xhtml");
    }

    @ParameterizedTest
    @Order(4)
    @ValueSource(strings = {"license/about.xhtml", "license/required.xhtml", "resources/netvizura-license/shell.css",
            "jakarta.faces.resource/faces.js.xhtml?ln=jakarta.faces", "errors/403.xhtml", "favicon.ico"})
    void allowList_passesTheGuard(String path) {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        HttpResponse<String> answer = user.getNoFollow(path);

        assertNotEquals(302, answer.statusCode(), path + " -> " + location(answer));
    }

    @Test
    @Order(5)
    void allowList_staticFilesAndLoginAreServed() {
        WebClient user = new WebClient(url(""));
        assertTrue(isLoginForm(user.get("")), "the login form is reachable without a license");
        user.logIn(TestUser.USER);

        assertEquals(200, user.getNoFollow("resources/netvizura-license/shell.css").statusCode());
        assertEquals(200, user.getNoFollow("jakarta.faces.resource/faces.js.xhtml?ln=jakarta.faces").statusCode());
    }

    @Test
    @Order(6)
    void logOutFromTheRequiredPage_works() {
        WebClient user = new WebClient(url(""));
        HttpResponse<String> page = user.logIn(TestUser.USER);
        String viewState = page.body().replaceAll("(?s).*name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> after = user.postFormNoFollow("license/required.xhtml",
                java.util.Map.of("requiredForm", "requiredForm", "logoutButton", "Log out",
                        "jakarta.faces.ViewState", viewState),
                "Origin", url("").toString().replaceAll("(https?://[^/]+).*", "$1"));

        assertEquals(302, after.statusCode(), after.body());
        assertTrue(isLoginForm(user.get("index.xhtml")), "logged out");
    }

    @Test
    @Order(99)
    void applyingAUsableKey_liftsTheGuardWithinAboutASecond() throws Exception {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        OtherNode.on(dataHome()).apply(TestLicenses.valid("NVZ-GUARD-LIFT", "Guard Test Ltd"));
        HttpResponse<String> answer = Poll.lastAnswer(Duration.ofSeconds(10), Duration.ofMillis(50),
                () -> user.getNoFollow("index.xhtml"), a -> !location(a).endsWith("/license/required.xhtml"));

        // The change also resets the session: log in again, then NetVizura is usable.
        assertTrue(location(answer).endsWith("/netvizura-license/index.xhtml"), location(answer));
        HttpResponse<String> dashboard = user.logIn(TestUser.USER);
        assertTrue(dashboard.body().contains("NetVizura dashboard placeholder"), dashboard.body());
        assertFalse(dashboard.uri().getPath().contains("required"), dashboard.uri().toString());
    }
}

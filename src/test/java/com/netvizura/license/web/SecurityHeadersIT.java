package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the standalone WAR's answers tell the browser: no page, the login page included, may be framed by another
 * site; the plugin's pages are never stored (the License page shows the Installation Code), are not content-sniffed,
 * keep their address from other sites and carry PrimeFaces' script policy with a nonce and no inline-script
 * exception; the session cookie is {@code SameSite=Lax}.
 */
@Tag(NetVizuraIT.SMOKE)
class SecurityHeadersIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(SecurityHeadersIT.class, InitialLicense.VALID);
    }

    @Test
    void loginPage_mayNotBeFramed_andTheSessionCookieIsSameSiteLax() {
        HttpResponse<String> login = new WebClient(url("")).getNoFollow("");

        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertAll(
                () -> assertTrue(login.body().contains("j_username"), login.body()),
                () -> assertFramingRefused("login page", login),
                () -> assertTrue(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), cookies.toString()),
                () -> assertTrue(cookies.stream().filter(c -> c.startsWith("JSESSIONID="))
                        .allMatch(c -> c.contains("SameSite=Lax")), cookies.toString()));
    }

    @Test
    void sessionCookieAfterLogin_isSameSiteLax() {
        WebClient admin = new WebClient(url(""));
        admin.getNoFollow("");
        HttpResponse<String> afterLogin = admin.postFormNoFollow("j_security_check",
                java.util.Map.of("j_username", "admin", "j_password", "admin"));

        List<String> cookies = afterLogin.headers().allValues("Set-Cookie");
        assertAll(
                () -> assertEquals(3, afterLogin.statusCode() / 100, "the login redirects to the page asked for"),
                () -> assertFalse(cookies.isEmpty(), "Tomcat gives a new session id at login"),
                () -> assertTrue(cookies.stream().allMatch(c -> c.contains("SameSite=Lax")), cookies.toString()));
    }

    @Test
    void dashboard_mayNotBeFramed() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        assertFramingRefused("dashboard", user.getNoFollow("index.xhtml"));
    }

    @Test
    void licensePage_isNeverStored_sniffedOrFramed_andCarriesTheScriptPolicy() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> page = admin.getNoFollow("license/license.xhtml");

        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(page.body().contains("id=\"installationCode\""), "the License page itself"),
                () -> assertEquals(List.of("no-store"), page.headers().allValues("Cache-Control")),
                () -> assertPluginHeaders("License page", page),
                () -> assertScriptPolicy("License page", page));
    }

    @Test
    void aboutAndDetailsDownload_getThePluginsHeadersToo() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> about = user.getNoFollow("license/about.xhtml");
        HttpResponse<String> details = admin.getNoFollow("license/details.txt");

        assertAll(
                () -> assertEquals(200, about.statusCode()),
                () -> assertPluginHeaders("About", about),
                () -> assertEquals(Optional.of("no-store"), about.headers().firstValue("Cache-Control")),
                () -> assertScriptPolicy("About", about),
                () -> assertEquals(200, details.statusCode()),
                () -> assertPluginHeaders("License Details download", details));
    }

    /** X-Frame-Options SAMEORIGIN and a policy with frame-ancestors 'self'. */
    static void assertFramingRefused(String what, HttpResponse<String> response) {
        assertAll(what,
                () -> assertEquals(Optional.of("SAMEORIGIN"), response.headers().firstValue("X-Frame-Options")),
                () -> assertTrue(policies(response).stream().anyMatch(p -> p.contains("frame-ancestors 'self'")),
                        policies(response).toString()));
    }

    /** What every page of the plugin gets, in the standalone WAR and in an overlay. */
    static void assertPluginHeaders(String what, HttpResponse<String> response) {
        assertAll(what,
                () -> assertFramingRefused(what, response),
                () -> assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options")),
                () -> assertEquals(Optional.of("same-origin"), response.headers().firstValue("Referrer-Policy")),
                () -> assertTrue(policies(response).stream().anyMatch(p -> p.contains("object-src 'none'")
                        && p.contains("base-uri 'self'") && p.contains("form-action 'self'")),
                        policies(response).toString()));
    }

    /** PrimeFaces' policy: scripts from this origin with the page's nonce; neither inline scripts nor eval. */
    static void assertScriptPolicy(String what, HttpResponse<String> response) {
        List<String> policies = policies(response);
        assertAll(what + " " + policies,
                () -> assertTrue(policies.stream().anyMatch(p -> p.matches(".*script-src 'self' 'nonce-[^']+'.*")),
                        "a script-src with a nonce"),
                () -> assertFalse(policies.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT)
                        .matches(".*script-src[^;]*'unsafe-(inline|eval)'.*")), "no script exception"),
                () -> assertTrue(response.body().contains("nonce=\""), "the page's scripts carry the nonce"));
    }

    /** Every policy of the answer (each header may hold several, comma-separated). */
    static List<String> policies(HttpResponse<String> response) {
        return response.headers().allValues("Content-Security-Policy").stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip).toList();
    }
}

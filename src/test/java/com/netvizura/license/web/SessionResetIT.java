package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.Poll;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.LicenseRefusedException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "Apply without losing anything": after a license change every session from before it is sent to log in on its
 * next request (normal GET, form POST, Faces AJAX), sessions made after it are untouched, and a refused key resets
 * nothing. Keys are applied by a second node on the same data directory, as an admin elsewhere would, so these
 * tests also prove that a change on one node reaches the others within about a second.
 */
class SessionResetIT extends NetVizuraIT {

    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final String DASHBOARD = "NetVizura dashboard placeholder";
    private static OtherNode otherNode;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(SessionResetIT.class, InitialLicense.VALID);
    }

    @Test
    @Tag(NetVizuraIT.SMOKE)
    void applyOnAnotherNode_resetsALoggedInSessionWithinAboutASecond() throws Exception {
        WebClient admin = loggedIn(TestUser.ADMIN);

        otherNode().apply(newKey());
        long start = System.nanoTime();
        HttpResponse<String> answer = waitForReset(admin, "index.xhtml");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertAll(
                () -> assertEquals(302, answer.statusCode()),
                () -> assertTrue(location(answer).endsWith("/netvizura-license/index.xhtml"), location(answer)),
                () -> assertTrue(millis < 3000, "the change took " + millis + " ms to reach this node"),
                () -> assertTrue(isLoginForm(admin.get("index.xhtml")), "the old session is gone: log in again"));
        assertTrue(admin.logIn(TestUser.ADMIN).body().contains(DASHBOARD), "logging in again works");
    }

    @Test
    void hundredSessions_afterApply_eachIsSentToLogIn_andSessionsAfterTheApplyAreUntouched() throws Exception {
        List<WebClient> before = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            before.add(loggedIn(i % 2 == 0 ? TestUser.USER : TestUser.ADMIN));
        }
        WebClient sentinel = loggedIn(TestUser.USER);

        otherNode().apply(newKey());
        waitForReset(sentinel, "index.xhtml");
        List<WebClient> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(loggedIn(TestUser.USER));
        }

        for (int i = 0; i < before.size(); i++) {
            WebClient client = before.get(i);
            switch (i % 3) {
                case 0 -> {
                    HttpResponse<String> get = client.getNoFollow("index.xhtml?tab=" + i);
                    assertEquals(302, get.statusCode(), "GET of session " + i);
                    assertTrue(location(get).endsWith("/netvizura-license/index.xhtml?tab=" + i), location(get));
                }
                case 1 -> {
                    HttpResponse<String> ajax = client.ajaxPost("index.xhtml");
                    assertPartialRedirect(ajax, "/netvizura-license/index.xhtml");
                }
                default -> {
                    HttpResponse<String> post = client.postFormNoFollow("index.xhtml", Map.of("field", "value"));
                    assertEquals(302, post.statusCode(), "POST of session " + i);
                    assertEquals("/netvizura-license/", location(post), "a POST is not repeated after login");
                }
            }
            assertTrue(isLoginForm(client.get("index.xhtml")), "session " + i + " must log in again");
        }
        for (WebClient client : after) {
            HttpResponse<String> page = client.getNoFollow("index.xhtml");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(DASHBOARD), "a session from after the apply keeps working");
        }
    }

    @Test
    void ajaxWithoutSession_getsPartialResponseRedirect_notTheLoginPageHtml() {
        WebClient stranger = new WebClient(url(""));

        assertPartialRedirect(stranger.ajaxPost("index.xhtml"), "/netvizura-license/index.xhtml");
    }

    @Test
    void refusedApply_invalidatesNothing() throws Exception {
        List<WebClient> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(loggedIn(i % 2 == 0 ? TestUser.USER : TestUser.ADMIN));
        }
        long epochBefore = diskEpoch();

        assertThrows(LicenseRefusedException.class,
                () -> otherNode().apply(TestLicenses.tampered(newKey())));
        assertThrows(LicenseRefusedException.class,
                () -> otherNode().apply(TestLicenses.forOtherMachine("NVZ-RESET-OTHER")));
        // Longer than the deployed service's poll interval: a change would be seen by now.
        Poll.pause(Duration.ofMillis(1500));

        assertEquals(epochBefore, diskEpoch(), "a refused key does not count as a change");
        for (WebClient client : clients) {
            HttpResponse<String> page = client.getNoFollow("index.xhtml");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(DASHBOARD));
        }
    }

    private WebClient loggedIn(TestUser user) {
        WebClient client = new WebClient(url(""));
        assertTrue(client.logIn(user).body().contains(DASHBOARD), "login of " + user);
        return client;
    }

    /** Requests {@code path} until the deployed node notices the change and resets the session (at most 10 s). */
    private static HttpResponse<String> waitForReset(WebClient client, String path) {
        return Poll.lastAnswer(Duration.ofSeconds(10), Duration.ofMillis(50), () -> client.getNoFollow(path),
                answer -> answer.statusCode() != 200);
    }

    private long diskEpoch() throws Exception {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(dataHome().resolve("license/state.properties"))) {
            state.load(in);
        }
        return Long.parseLong(state.getProperty("epoch"));
    }

    private synchronized OtherNode otherNode() {
        if (otherNode == null) {
            otherNode = OtherNode.on(dataHome());
        }
        return otherNode;
    }

    private static byte[] newKey() {
        return TestLicenses.valid("NVZ-RESET-" + KEYS.incrementAndGet() + "-" + System.nanoTime(), "Reset Test Ltd");
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no Location)");
    }

    static boolean isLoginForm(HttpResponse<String> page) {
        return page.statusCode() == 200 && page.body().contains("name=\"j_username\"");
    }

    static void assertPartialRedirect(HttpResponse<String> response, String url) {
        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"),
                        response.headers().toString()),
                () -> assertTrue(response.body().startsWith("<?xml"), response.body()),
                () -> assertTrue(response.body().contains("<partial-response><redirect url=\"" + url + "\"/>"),
                        response.body()));
    }
}

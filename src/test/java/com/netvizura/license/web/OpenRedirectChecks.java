package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.Poll;
import com.netvizura.license.it.RawHttp;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * "Log in again" must never send the browser to another host. The review's request {@code
 * //;@other-host:port/license/about.xhtml} by a session from before a license change, at the root context, was
 * answered {@code 302 Location: //;@other-host:port/license/about.xhtml}. Every redirect the plugin makes from a
 * request path (the session reset for GET, POST and Faces AJAX, and the AJAX login redirect) is sent here such
 * tricks (doubled, encoded and back slashes, tabs, path parameters, a doubled context path) and each answer must
 * stay on this application: a browser-like reading of its {@code Location} or partial-response redirect names this
 * host and port. Subclasses deploy the WAR at the root context and under {@code /netvizura-license}.
 */
abstract class OpenRedirectChecks extends NetVizuraIT {

    /** What follows the context path in each request; {@code HOST} is replaced by another host and port. */
    static final List<String> TRICKS = List.of(
            "//;@HOST/license/about.xhtml",
            "//;@HOST/index.xhtml?tab=1",
            "//HOST/license/about.xhtml",
            "///HOST/index.xhtml",
            "/;/HOST/index.xhtml",
            "/.//HOST/index.xhtml",
            "/;@HOST/index.xhtml",
            "//%09/HOST/index.xhtml",
            "/%09/HOST/index.xhtml",
            "/%2F/HOST/index.xhtml",
            "/%2F%2FHOST/index.xhtml",
            "/%5CHOST/index.xhtml",
            "/%5C%5CHOST/index.xhtml",
            "/\\HOST/index.xhtml",
            "//\\HOST/index.xhtml",
            "/%252F%252FHOST/index.xhtml");
    static final String OTHER_HOST = "other-host.example:8443";
    private static final Pattern PARTIAL_REDIRECT = Pattern.compile("<redirect url=\"([^\"]*)\"");

    /** The context path of the deployment: "" or "/netvizura-license". */
    protected abstract String contextPath();

    /** The server root, {@code http://127.0.0.1:PORT}. */
    protected URI server() {
        return URI.create(baseUrl.getProtocol() + "://" + baseUrl.getHost() + ":" + baseUrl.getPort());
    }

    /** Every request target to try: each trick after the context path, and after the context path written "//ctx". */
    List<String> targets() {
        List<String> targets = new ArrayList<>();
        for (String trick : TRICKS) {
            String t = trick.replace("HOST", OTHER_HOST);
            targets.add(contextPath() + t);
            if (!contextPath().isEmpty()) {
                targets.add("/" + contextPath() + t);
            }
        }
        if (!contextPath().isEmpty()) {
            targets.add("/" + contextPath() + "/index.xhtml");
        }
        return targets;
    }

    @Test
    void sessionFromBeforeALicenseChange_trickyPath_isSentToLogInOnThisApplication_getPostAndAjax() throws Exception {
        List<String> targets = targets();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < targets.size() * 3; i++) {
            sessions.add(logIn(TestUser.USER));
        }
        String sentinel = logIn(TestUser.USER);

        OtherNode.on(dataHome()).apply(TestLicenses.valid("NVZ-REDIRECT-" + System.nanoTime(), "Redirect Test Ltd"));
        waitForReset(sentinel);

        List<Executable> checks = new ArrayList<>();
        int session = 0;
        for (String target : targets) {
            RawHttp.Answer get = RawHttp.get(server(), target, cookie(sessions.get(session++)));
            RawHttp.Answer post = RawHttp.send(server(), "POST", target, List.of(cookie(sessions.get(session++)),
                    "Content-Type: application/x-www-form-urlencoded", "Content-Length: 7"), out -> out.write(
                            "field=x".getBytes(StandardCharsets.US_ASCII)));
            RawHttp.Answer ajax = RawHttp.send(server(), "POST", target, List.of(cookie(sessions.get(session++)),
                    "Faces-Request: partial/ajax", "Content-Type: application/x-www-form-urlencoded",
                    "Content-Length: 7"), out -> out.write("field=x".getBytes(StandardCharsets.US_ASCII)));
            checks.add(() -> assertStaysHere("GET " + target, get));
            checks.add(() -> assertStaysHere("POST " + target, post));
            checks.add(() -> assertStaysHere("AJAX " + target, ajax));
        }
        assertAll(checks);
    }

    @Test
    void theReviewsRequest_getsTheDecodedPageOfThisApplication() throws Exception {
        String stale = logIn(TestUser.USER);
        OtherNode.on(dataHome()).apply(TestLicenses.valid("NVZ-REDIRECT-" + System.nanoTime(), "Redirect Test Ltd"));
        waitForReset(logIn(TestUser.USER));

        RawHttp.Answer answer = RawHttp.get(server(), contextPath() + "//;@" + OTHER_HOST + "/license/about.xhtml",
                cookie(stale));

        assertAll(
                () -> assertEquals(302, answer.status(), answer.body()),
                () -> assertEquals(Optional.of(contextPath() + "/license/about.xhtml"), answer.header("Location")));
    }

    @Test
    void ajaxWithoutSession_trickyPath_partialRedirectStaysOnThisApplication() {
        List<Executable> checks = new ArrayList<>();
        for (String target : targets()) {
            RawHttp.Answer ajax = RawHttp.send(server(), "POST", target, List.of("Faces-Request: partial/ajax",
                    "Content-Type: application/x-www-form-urlencoded", "Content-Length: 7"),
                    out -> out.write("field=x".getBytes(StandardCharsets.US_ASCII)));
            checks.add(() -> assertStaysHere("anonymous AJAX " + target, ajax));
        }
        assertAll(checks);
    }

    /**
     * An answer that redirects (302 or a partial-response redirect) must name this server as a browser reads it:
     * tabs and line breaks dropped, {@code \} read as {@code /}, then resolved against the page's address. Answers
     * that are not redirects (Tomcat's 400 for a malformed path) send nobody anywhere.
     */
    private void assertStaysHere(String what, RawHttp.Answer answer) {
        Optional<String> location = answer.status() / 100 == 3 ? answer.header("Location") : partialRedirect(answer);
        if (location.isEmpty()) {
            assertFalse(answer.status() / 100 == 3, what + ": a redirect without a Location");
            return;
        }
        URI page = server().resolve("/page");
        String asABrowserReadsIt = location.get().replaceAll("[\\t\\n\\r]", "").strip().replace('\\', '/');
        URI resolved;
        try {
            resolved = page.resolve(asABrowserReadsIt);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(what + ": Location [" + location.get() + "] does not even parse", e);
        }
        assertAll(what + " -> [" + location.get() + "]",
                () -> assertEquals(page.getHost(), resolved.getHost(), "host"),
                () -> assertEquals(page.getPort(), resolved.getPort(), "port"),
                () -> assertTrue(location.get().startsWith(contextPath() + "/"), "below this application"),
                () -> assertFalse(location.get().startsWith("//") || location.get().startsWith("/\\"), "no // or /\\"));
    }

    private static Optional<String> partialRedirect(RawHttp.Answer answer) {
        Matcher m = PARTIAL_REDIRECT.matcher(answer.body());
        return m.find() ? Optional.of(m.group(1).replace("&amp;", "&")) : Optional.empty();
    }

    /** Logs in through the form, as a browser does; returns the session id. */
    private String logIn(TestUser user) {
        WebClient client = new WebClient(url(""));
        client.logIn(user);
        return client.cookie("JSESSIONID").orElseThrow(() -> new AssertionError("no session for " + user));
    }

    private static String cookie(String sessionId) {
        return "Cookie: JSESSIONID=" + sessionId;
    }

    /** Waits until the deployed node has seen the change: a session from before it is reset (at most 10 s). */
    private void waitForReset(String sessionId) {
        Poll.until(Duration.ofSeconds(10), Duration.ofMillis(50), "the deployed node sees the license change",
                () -> RawHttp.get(server(), contextPath() + "/index.xhtml", cookie(sessionId)).status() == 302);
    }
}

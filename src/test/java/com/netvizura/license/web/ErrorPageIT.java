package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.model.Messages;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A failing page answers a page that says what to do, never the container's report. The review's requests (GET and
 * POST with {@code jakarta.faces.ViewState=stateless} or a made-up view state) got Tomcat's 500 report with the
 * Faces and plugin classes, line numbers and the Tomcat version. Here each, by a user and by an admin, on the
 * dashboard, About and the License page, is told the page is out of date and to reload it; a page whose expression
 * fails gets a 500 page with a reference; a missing page a 404 page. None of them shows a stack frame, a class of
 * the implementation or the Tomcat version.
 */
class ErrorPageIT extends NetVizuraIT {

    static final List<String> VIEW_STATES = List.of("stateless", "-1234567890:1234567890", "made-up", "");
    /** What a report leaks: stack frames, implementation packages, the container's name and version. */
    static final Pattern LEAK = Pattern.compile("\\.java:\\d+\\)|\\bat (com|org|jakarta|java)\\.[a-z]|com\\.sun\\.faces"
            + "|com\\.netvizura|org\\.apache|org\\.primefaces\\.[a-z]+\\.[A-Z]|Apache Tomcat|Tomcat/\\d|Exception:");
    /** A page whose expression fails when rendered (a property no bean has): an unexpected failure. */
    private static final String BROKEN_PAGE = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
            + "#{nvText.noSuchProperty}</body></html>";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(ErrorPageIT.class, InitialLicense.VALID)
                .add(new StringAsset(BROKEN_PAGE), "license/broken.xhtml")
                .add(new StringAsset(BROKEN_PAGE), "broken.xhtml");
    }

    @Test
    void madeUpViewState_getOrPost_byUserOrAdmin_saysReloadThePage_neverAReport() {
        List<Executable> checks = new ArrayList<>();
        for (TestUser user : List.of(TestUser.USER, TestUser.ADMIN)) {
            WebClient client = new WebClient(url(""));
            client.logIn(user);
            List<String> pages = user == TestUser.ADMIN
                    ? List.of("index.xhtml", "license/about.xhtml", "license/license.xhtml")
                    : List.of("index.xhtml", "license/about.xhtml");
            for (String page : pages) {
                for (String state : VIEW_STATES) {
                    HttpResponse<String> get = client.getNoFollow(page + "?jakarta.faces.ViewState="
                            + URLEncoder.encode(state, StandardCharsets.UTF_8));
                    HttpResponse<String> post = client.postFormNoFollow(page, form(state), "Origin", origin());
                    checks.add(() -> assertSaysReload(user + " GET " + page + " [" + state + "]", get, page));
                    checks.add(() -> assertSaysReload(user + " POST " + page + " [" + state + "]", post, page));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void madeUpViewState_ajax_showsNoReport() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        List<Executable> checks = new ArrayList<>();
        for (String page : List.of("index.xhtml", "license/about.xhtml", "license/license.xhtml")) {
            for (String state : VIEW_STATES) {
                Map<String, String> fields = form(state);
                fields.put("jakarta.faces.partial.ajax", "true");
                HttpResponse<String> ajax = admin.postFormNoFollow(page, fields, WebClient.FACES_AJAX[0],
                        WebClient.FACES_AJAX[1], "Origin", origin());
                checks.add(() -> assertAll("AJAX " + page + " [" + state + "]",
                        () -> assertEquals(200, ajax.statusCode(), ajax.body()),
                        () -> assertTrue(ajax.body().contains("<partial-response"), ajax.body()),
                        () -> assertNoReport(ajax.body())));
            }
        }
        assertAll(checks);
    }

    @Test
    void failingPage_shellOrPlugin_gives500WithAReference_neverAReport() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        for (String page : List.of("broken.xhtml", "license/broken.xhtml")) {
            HttpResponse<String> answer = admin.getNoFollow(page);
            assertAll(page,
                    () -> assertEquals(500, answer.statusCode(), answer.body()),
                    () -> assertTrue(answer.body().contains(PlainPage.escape(Messages.get("web.error.failed.title"))),
                            answer.body()),
                    () -> assertTrue(answer.body().matches("(?s).*give your administrator the reference [0-9A-F]+:.*"),
                            answer.body()),
                    () -> assertNoReport(answer.body()));
        }
    }

    @Test
    void missingPage_inTheShell_saysSo_neverAReport() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        for (String page : List.of("no-such-page.xhtml", "no-such-file.txt")) {
            HttpResponse<String> answer = user.getNoFollow(page);
            assertAll(page,
                    () -> assertEquals(404, answer.statusCode(), answer.body()),
                    () -> assertTrue(answer.body().contains(Messages.get("web.error.notFound")), answer.body()),
                    () -> assertNoReport(answer.body()));
        }
    }

    private static Map<String, String> form(String state) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("someForm", "someForm");
        fields.put("jakarta.faces.ViewState", state);
        return fields;
    }

    private String origin() {
        URI root = url("");
        return root.getScheme() + "://" + root.getHost() + ":" + root.getPort();
    }

    /** 400, the plugin's sentence, a link that reloads the page; nothing of a report. */
    static void assertSaysReload(String what, HttpResponse<String> answer, String page) {
        assertAll(what,
                () -> assertEquals(400, answer.statusCode(), answer.body()),
                () -> assertTrue(answer.body().contains(PlainPage.escape(Messages.get("web.error.expired"))),
                        answer.body()),
                () -> assertTrue(answer.body().contains("id=\"reloadLink\" href=\"" + answer.uri().getPath() + "\""),
                        answer.body()),
                () -> assertTrue(answer.uri().getPath().endsWith(page), answer.uri().toString()),
                () -> assertNoReport(answer.body()));
    }

    static void assertNoReport(String body) {
        assertFalse(LEAK.matcher(body).find(), () -> "a report leaks [" + find(body) + "]: " + body);
    }

    private static String find(String body) {
        var m = LEAK.matcher(body);
        return m.find() ? m.group() : "";
    }
}

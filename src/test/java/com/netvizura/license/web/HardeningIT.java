package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.FacesVisitor;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.RawHttp;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The third hardening round's findings on the standalone WAR on Tomcat: a plain user cannot write audit lines; values
 * from a request cannot forge a line in Tomcat's log; every POST of the shell comes from a page of this site; a malformed upload is a 400 with one log line; pages that may show the
 * license notice are never stored.
 */
class HardeningIT extends NetVizuraIT {

    private static final String FOREIGN = "http://evil.example";
    private static final Pattern REFUSED_TOTAL = Pattern.compile("(?m)^netvizura_license_refused_total (\\S+)$");

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(HardeningIT.class, InitialLicense.VALID);
    }

    @Test
    void plainUsersOversizedOrChunkedUpload_isRefusedWithoutAnAuditLineOrMetric() throws Exception {
        FacesVisitor user = new FacesVisitor(url(""));
        user.logIn(TestUser.USER);
        long auditBefore = auditLines();
        String refusedBefore = refusedTotal();

        List<Integer> statuses = new ArrayList<>();
        for (String page : List.of("license/about.xhtml", "license/required.xhtml")) {
            statuses.add(multipart(user, page, 300 * 1024, false, user.ownOrigin()).status());
            statuses.add(multipart(user, page, 1024, true, user.ownOrigin()).status());
        }

        assertAll(
                () -> assertEquals(List.of(413, 411, 413, 411), statuses),
                () -> assertEquals(auditBefore, auditLines(), "no audit line for a plain user"),
                () -> assertEquals(refusedBefore, refusedTotal(), "netvizura_license_refused_total unchanged"));
    }

    @Test
    void valuesFromARequest_cannotForgeALineInTomcatsLog() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        FacesVisitor user = new FacesVisitor(url(""));
        user.logIn(TestUser.USER);
        FacesVisitor admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String viewState = FacesVisitor.viewStateOf(admin.get("license/license.xhtml").body());
        URI root = url("");

        // RequestBodyLimitFilter: the path of a refused body with CR LF, U+2028 or U+0085 in it (percent-encoded).
        // (An admin's: the container lets only admins below /license/ but About itself.)
        multipart(admin, "license/about.xhtml/%0D%0A" + marker + "-path", 300 * 1024, false, admin.ownOrigin());
        multipart(admin, "license/about.xhtml/%E2%80%A8" + marker + "-ls", 300 * 1024, false, admin.ownOrigin());
        multipart(admin, "license/about.xhtml/%C2%85" + marker + "-nel", 300 * 1024, false, admin.ownOrigin());
        // CrossSitePostFilter: U+0085 (one byte in ISO-8859-1) in Origin and Referer.
        RawHttp.send(root, "POST", root.getPath() + "license/about.xhtml", List.of(
                "Cookie: JSESSIONID=" + user.sessionId(), "Content-Length: 0",
                "Origin: http://evil.example\u0085" + marker + "-origin",
                "Referer: http://evil.example/\u0085" + marker + "-referer"), null);
        // An upload's file name as RFC 2231 filename*= and as an encoded word, refused as a path: KeyApplier logs it.
        byte[] key = TestLicenses.valid(PageKeys.newId(), "Log Test Ltd");
        upload(admin, viewState, "filename*=UTF-8''..%2F%0D%0A" + marker + "-rfc2231.key", key, true);
        upload(admin, viewState, "filename=\"=?UTF-8?Q?..=2F=0D=0A" + marker + "-word.key?=\"", key, true);

        List<String> lines = awaitLogLines(marker, 5);
        assertAll(lines.toString(),
                () -> assertTrue(lines.stream().noneMatch(l -> l.startsWith(marker)), "no line starts with the marker"),
                () -> assertTrue(lines.stream().noneMatch(l -> l.chars().anyMatch(c -> c == 0x85 || c == 0x2028
                        || c == '\r')), "no raw line break in a line"),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\\u000D\\u000A" + marker + "-path"))),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\\u2028" + marker + "-ls"))),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\\u0085" + marker + "-nel"))),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\\u0085" + marker + "-origin"))),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\\u0085" + marker + "-referer"))),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\\u000D\\u000A" + marker + "-rfc2231"))),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains("\\u000D\\u000A" + marker + "-word"))));
    }

    @Test
    void shellPostFromAnotherSite_isRefused_evenWithAValidViewState() {
        FacesVisitor user = new FacesVisitor(url(""));
        user.logIn(TestUser.USER);
        String viewState = FacesVisitor.viewStateOf(user.get("index.xhtml").body());
        URI root = url("");
        String form = "jakarta.faces.ViewState=" + java.net.URLEncoder.encode(viewState, StandardCharsets.UTF_8);

        RawHttp.Answer foreign = RawHttp.send(root, "POST", root.getPath() + "index.xhtml", List.of(
                "Cookie: JSESSIONID=" + user.sessionId(), "Content-Type: application/x-www-form-urlencoded",
                "Origin: " + FOREIGN, "Content-Length: " + form.length()),
                out -> out.write(form.getBytes(StandardCharsets.US_ASCII)));
        RawHttp.Answer own = RawHttp.send(root, "POST", root.getPath() + "index.xhtml", List.of(
                "Cookie: JSESSIONID=" + user.sessionId(), "Content-Type: application/x-www-form-urlencoded",
                "Origin: " + user.ownOrigin(), "Content-Length: " + form.length()),
                out -> out.write(form.getBytes(StandardCharsets.US_ASCII)));

        assertAll(
                () -> assertEquals(403, foreign.status(), foreign.body()),
                () -> assertNotEquals(403, own.status(), own.body()),
                () -> assertTrue(user.get("index.xhtml").body().contains("NetVizura dashboard placeholder")));
    }

    @Test
    void uploadWithoutPrimeFacesFileCount_is400_withoutClassNameOrStackTrace() throws Exception {
        FacesVisitor admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String viewState = FacesVisitor.viewStateOf(admin.get("license/license.xhtml").body());
        long tracesBefore = logLines("NumberFormatException");
        long linesBefore = logLines("Refused a malformed upload request");

        RawHttp.Answer answer = upload(admin, viewState, "filename=\"license.key\"",
                TestLicenses.valid(PageKeys.newId(), "Malformed Ltd"), false);

        List<String> lines = awaitLogLines("Refused a malformed upload request", (int) linesBefore + 1);
        assertAll(
                () -> assertEquals(400, answer.status(), answer.body()),
                () -> assertFalse(answer.body().contains("Exception"), answer.body()),
                () -> assertEquals(linesBefore + 1, lines.size(), "one log line: " + lines),
                () -> assertEquals(tracesBefore, logLines("NumberFormatException"), "no stack trace"));
    }

    @Test
    void pagesThatMayShowTheLicenseNotice_areNeverStored() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        assertAll(
                () -> assertEquals(List.of("no-store"), admin.getNoFollow("index.xhtml").headers()
                        .allValues("Cache-Control"), "dashboard, admin"),
                () -> assertEquals(List.of("no-store"), user.getNoFollow("index.xhtml").headers()
                        .allValues("Cache-Control"), "dashboard, user"));
    }

    /** A multipart POST shaped like the License page's upload, {@code size} bytes of file, declared or chunked. */
    private RawHttp.Answer multipart(FacesVisitor client, String page, int size, boolean chunked, String origin) {
        String boundary = "----nvHardening";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + FacesVisitor.UPLOAD
                + "\"; filename=\"x.key\"\r\n\r\n" + "A".repeat(size) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        URI root = url("");
        List<String> headers = new ArrayList<>(List.of("Cookie: JSESSIONID=" + client.sessionId(),
                "Content-Type: multipart/form-data; boundary=" + boundary, "Origin: " + origin));
        headers.add(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length);
        return RawHttp.send(root, "POST", root.getPath() + page, headers, out -> {
            if (chunked) {
                out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(body);
            }
        });
    }

    /** The License page's upload with the file part's disposition parameters as given, with or without the count. */
    private RawHttp.Answer upload(FacesVisitor admin, String viewState, String fileNameParameter, byte[] key,
            boolean withCount) {
        String boundary = "----nvUpload";
        StringBuilder head = new StringBuilder();
        FacesVisitor.uploadFields(viewState).forEach((name, value) -> {
            if (withCount || !name.endsWith("_totalFilesCount")) {
                head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                        .append("\"\r\n\r\n").append(value).append("\r\n");
            }
        });
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(FacesVisitor.UPLOAD).append("\"; ").append(fileNameParameter)
                .append("\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        URI root = url("");
        return RawHttp.send(root, "POST", root.getPath() + "license/license.xhtml", List.of(
                "Cookie: JSESSIONID=" + admin.sessionId(), "Content-Type: multipart/form-data; boundary=" + boundary,
                "Faces-Request: partial/ajax", "Origin: " + admin.ownOrigin(),
                "Content-Length: " + (start.length + key.length + end.length)), out -> {
                    out.write(start);
                    out.write(key);
                    out.write(end);
                });
    }

    private long auditLines() throws IOException {
        Path audit = dataHome().resolve("license").resolve("audit.log");
        return Files.exists(audit) ? Files.readAllLines(audit, StandardCharsets.UTF_8).size() : 0;
    }

    private String refusedTotal() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        Matcher m = REFUSED_TOTAL.matcher(admin.get("api/license/metrics").body());
        assertTrue(m.find(), "the metric is there");
        return m.group(1);
    }

    /** The lines of Tomcat's log that hold {@code text}, once there are at least {@code atLeast} (10 s at most). */
    private static List<String> awaitLogLines(String text, int atLeast) throws Exception {
        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.size() < atLeast; i++) {
            Thread.sleep(200);
            lines = logLinesWith(text);
        }
        return lines;
    }

    private static long logLines(String text) throws IOException {
        return logLinesWith(text).size();
    }

    /** Lines split at LF only, as a log reader or a terminal shows them; CR stays in the line to be seen. */
    private static List<String> logLinesWith(String text) throws IOException {
        String launch = System.getProperty("arquillian.launch", "tomcat10");
        Path logs = Path.of(System.getProperty("it." + launch + ".home")).resolve("logs");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            // catalina.*: loggers; localhost.*: ServletContext.log, which CrossSitePostFilter writes to.
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("catalina.")
                    || f.getFileName().toString().startsWith("localhost.")).toList()) {
                for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) {
                    if (line.contains(text)) {
                        found.add(line);
                    }
                }
            }
        }
        return found;
    }
}

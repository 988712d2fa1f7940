package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.FacesVisitor;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.RawHttp;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.model.Messages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads refused before the upload bean sees them (PrimeFaces' size and file-name checks, a part without a file
 * name, the 413 and 411 of the request body limit) get an audit line like every other refused upload (user, remote
 * address, action, outcome, reason) and a sentence that ends "Your current license is unchanged."; the key stays.
 */
class UploadRefusalAuditIT extends NetVizuraIT {

    private static final Pattern LINE = Pattern.compile("\"user\":\"([^\"]*)\",\"remoteAddress\":\"([^\"]*)\","
            + "\"action\":\"([^\"]*)\",\"licenseId\":(null|\"[^\"]*\"),\"outcome\":\"([^\"]*)\",\"reason\":\"(.*)\"}$");

    private FacesVisitor admin;
    private String viewState;
    private byte[] key;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(UploadRefusalAuditIT.class, InitialLicense.VALID);
    }

    @BeforeEach
    void adminOnTheLicensePage() throws IOException {
        admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        viewState = FacesVisitor.viewStateOf(admin.get("license/license.xhtml").body());
        key = TestLicenses.valid(PageKeys.newId(), "Audit Test Ltd");
    }

    @Test
    void fileOverTheSizeLimit_isAuditedAndSaysWhy() throws Exception {
        byte[] big = Arrays.copyOf(key, 70 * 1024);
        Arrays.fill(big, key.length, big.length, (byte) ' ');

        assertRefusedAndAudited(() -> Answered.of(admin.uploadKey(viewState, "big.key", big, admin.ownOrigin())),
                Messages.get("web.upload.tooLarge"), 200);
    }

    @Test
    void fileNameWithAPath_isAuditedAndSaysWhy() throws Exception {
        for (String name : List.of("../license.key", "/etc/license.key", "a/../../license.key")) {
            assertRefusedAndAudited(() -> Answered.of(admin.uploadKey(viewState, name, key, admin.ownOrigin())),
                    Messages.get("web.upload.badName", name), 200);
        }
        // A full Windows path, as old browsers sent it; in the quoted header value each backslash is escaped.
        assertRefusedAndAudited(() -> Answered.of(admin.uploadKey(viewState, "C:\\\\keys\\\\..\\\\x.key", key,
                admin.ownOrigin())), Messages.get("web.upload.badName", "C:\\keys\\..\\x.key"), 200);
    }

    @Test
    void emptyFileName_isAuditedAndSaysWhy() throws Exception {
        assertRefusedAndAudited(() -> Answered.of(admin.uploadKey(viewState, "", key, admin.ownOrigin())),
                Messages.get("web.upload.noFileName"), 200);
    }

    @Test
    void bodyOverTheRequestLimit_getsA413_isAudited() throws Exception {
        byte[] huge = Arrays.copyOf(key, 300 * 1024);
        Arrays.fill(huge, key.length, huge.length, (byte) ' ');

        assertRefusedAndAudited(() -> Answered.of(admin.uploadKey(viewState, "huge.key", huge, admin.ownOrigin())),
                Messages.get("web.upload.tooLarge"), 413);
    }

    @Test
    void chunkedUploadWithoutALength_getsA411_isAudited() throws Exception {
        URI root = url("");
        String boundary = "----nvChunked";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"uploadForm:keyUpload\"; "
                + "filename=\"x.key\"\r\n\r\n" + new String(key, StandardCharsets.US_ASCII) + "\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.US_ASCII);

        assertRefusedAndAudited(() -> {
            RawHttp.Answer answer = RawHttp.send(root, "POST", root.getPath() + "license/license.xhtml",
                    List.of("Cookie: JSESSIONID=" + admin.sessionId(), "Transfer-Encoding: chunked",
                            "Content-Type: multipart/form-data; boundary=" + boundary,
                            "Origin: " + admin.ownOrigin()),
                    out -> {
                        out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    });
            return new Answered(answer.status(), answer.body());
        }, Messages.get("web.upload.noLength"), 411);
    }

    private interface Upload {
        Answered send() throws Exception;
    }

    /** Status and body of an answer, from either client. */
    private record Answered(int status, String body) {
        static Answered of(HttpResponse<String> response) {
            return new Answered(response.statusCode(), response.body());
        }
    }

    private void assertRefusedAndAudited(Upload upload, String sentence, int status) throws Exception {
        byte[] keyBefore = Files.readAllBytes(activeKeyFile());
        List<String> auditBefore = auditLines();

        Answered answer = upload.send();

        List<String> auditAfter = auditLines();
        List<String> added = auditAfter.subList(auditBefore.size(), auditAfter.size());
        assertAll(sentence,
                () -> assertEquals(status, answer.status(), answer.body()),
                () -> assertEquals(Optional.of(sentence), HostileUploadIT.refusalIn(answer.body()), answer.body()),
                () -> assertTrue(sentence.endsWith(Messages.get("upload.unchanged")), sentence),
                () -> assertArrayEquals(keyBefore, Files.readAllBytes(activeKeyFile()), "active key unchanged"),
                () -> assertEquals(1, added.size(), "one audit line: " + added),
                () -> {
                    Matcher m = LINE.matcher(added.get(0));
                    assertTrue(m.find(), added.get(0));
                    assertAll(added.get(0),
                            () -> assertEquals("admin", m.group(1), "user"),
                            () -> assertEquals("127.0.0.1", m.group(2), "remote address"),
                            () -> assertEquals("APPLY", m.group(3), "action"),
                            () -> assertEquals("REFUSED", m.group(5), "outcome"),
                            () -> assertEquals(jsonString(sentence), m.group(6), "reason"));
                });
    }

    private List<String> auditLines() throws IOException {
        Path audit = dataHome().resolve("license").resolve("audit.log");
        return Files.exists(audit) ? Files.readAllLines(audit, StandardCharsets.UTF_8) : List.of();
    }

    /** {@code text} as the audit log's JSON writes it (the sentences here need only these escapes). */
    private static String jsonString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

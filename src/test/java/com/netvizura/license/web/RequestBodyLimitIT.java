package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.DiskWatch;
import com.netvizura.license.it.FacesVisitor;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.RawHttp;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.model.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Request bodies are bounded before they reach the disk. The review's 200 MB multipart POSTs, by a user without the
 * admin role and by an admin, to the dashboard, to About and as the License page's upload, were written whole to
 * Tomcat's work directory before anything refused them. Here each is refused (413, the License page's upload with
 * its size sentence) and the bytes below the IT Tomcat's {@code work/} and {@code temp/} never grow by more than
 * 1 MiB while it runs; a chunked body, which declares no length, is bounded too.
 */
class RequestBodyLimitIT extends NetVizuraIT {

    private static final long BODY_BYTES = 200L * 1024 * 1024;
    private static final long ONE_MIB = 1024 * 1024;
    private static final String BOUNDARY = "----nvBodyLimit";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(RequestBodyLimitIT.class, InitialLicense.VALID);
    }

    @Test
    void twoHundredMegabyteMultipart_byUserAndAdmin_isRefused_nextToNothingReachesTheDisk() {
        List<Executable> checks = new ArrayList<>();
        for (TestUser user : List.of(TestUser.USER, TestUser.ADMIN)) {
            WebClient client = new WebClient(url(""));
            client.logIn(user);
            String viewState = FacesVisitor.viewStateOf(client.get("license/license.xhtml").body());
            for (String page : List.of("index.xhtml", "license/about.xhtml", "license/license.xhtml")) {
                RawHttp.Answer answer;
                long disk;
                try (DiskWatch watch = DiskWatch.tomcatWorkAndTemp()) {
                    answer = postMultipart(client, page, viewState, false);
                    disk = watch.peakGrowth();
                }
                long written = disk;
                String what = user + " " + page + " (sent " + answer.bodyBytesSent() + " bytes, disk grew " + written + ")";
                System.out.println("[RequestBodyLimitIT] " + what + ": " + answer.status());
                // A user without the admin role never gets that far on the License page: the constraint says 403.
                int refusal = user == TestUser.USER && page.equals("license/license.xhtml") ? 403 : 413;
                checks.add(() -> assertAll(what,
                        () -> assertEquals(refusal, answer.status(), answer.body()),
                        () -> assertTrue(written <= ONE_MIB, "at most 1 MiB below work/ and temp/: " + written)));
                if (user == TestUser.ADMIN && page.equals("license/license.xhtml")) {
                    checks.add(() -> assertTrue(answer.body().contains(
                            PlainPage.escape(Messages.get("web.upload.tooLarge"))), what + ": " + answer.body()));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void twoHundredMegabyteChunkedMultipart_isBoundedToo() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        String viewState = FacesVisitor.viewStateOf(admin.get("license/license.xhtml").body());
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        RawHttp.Answer upload;
        RawHttp.Answer dashboard;
        long disk;
        try (DiskWatch watch = DiskWatch.tomcatWorkAndTemp()) {
            upload = postMultipart(admin, "license/license.xhtml", viewState, true);
            dashboard = postMultipart(user, "index.xhtml", viewState, true);
            disk = watch.peakGrowth();
        }
        long written = disk;
        System.out.println("[RequestBodyLimitIT] chunked: upload " + upload.status() + " after " + upload.bodyBytesSent()
                + " bytes, dashboard " + dashboard.status() + " after " + dashboard.bodyBytesSent()
                + " bytes, disk grew " + written);

        assertAll(
                () -> assertEquals(411, upload.status(), upload.body()),
                () -> assertTrue(upload.body().contains(PlainPage.escape(Messages.get("web.upload.noLength"))),
                        upload.body()),
                () -> assertEquals(411, dashboard.status(), dashboard.body()),
                () -> assertTrue(written <= ONE_MIB, "at most 1 MiB below work/ and temp/: " + written));
    }

    /**
     * A 200 MB multipart POST to {@code page} in {@code client}'s session, shaped like the License page's upload
     * (its fields, the page's view state, the own {@code Origin}), with a declared length or chunked.
     */
    private RawHttp.Answer postMultipart(WebClient client, String page, String viewState, boolean chunked) {
        String upload = FacesVisitor.UPLOAD;
        Map<String, String> fields = FacesVisitor.uploadFields(viewState);
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; ")
                .append("name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(upload)
                .append("\"; filename=\"huge.key\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        URI root = url("");
        List<String> headers = new ArrayList<>(List.of(
                "Cookie: JSESSIONID=" + client.cookie("JSESSIONID").orElseThrow(),
                "Content-Type: multipart/form-data; boundary=" + BOUNDARY,
                "Faces-Request: partial/ajax",
                "Origin: " + root.getScheme() + "://" + root.getHost() + ":" + root.getPort()));
        headers.add(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + (start.length + BODY_BYTES + end.length));
        return RawHttp.send(root, "POST", root.getPath() + page, headers, out -> {
            OutputStream body = chunked ? new Chunked(out) : out;
            body.write(start);
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'A');
            for (long sent = 0; sent < BODY_BYTES; sent += block.length) {
                body.write(block);
            }
            body.write(end);
            body.close();
        });
    }

    /** HTTP/1.1 chunked transfer coding, one chunk a write. */
    private static final class Chunked extends OutputStream {
        private final OutputStream out;

        Chunked(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, off, len);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void close() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}

package com.netvizura.license.bench;

import com.netvizura.license.it.FacesVisitor;
import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The time of one key apply through {@code PUT /api/license} beside one through the License page (the upload an
 * admin's browser sends: a multipart Faces AJAX request) and one through the service directly (not a test: prints
 * numbers, asserts nothing). Three keys with the same terms and different license ids are applied by turns through
 * the API and the page, so every apply is a real change (verify, compare, write, fsync, history, audit, epoch); the
 * service baseline applies two of them to a data directory of its own in this JVM. Only the apply request is timed:
 * the page's login and page load before it are not (an apply ends the admin's session, so each round logs in again).
 * Rounds alternate API, page and service, after a warm-up.
 *
 * <p>Run by {@link WebBench}, part {@code keyapi} ({@code PARTS=keyapi bash .ci/bench-web}).
 */
public final class KeyApplyBench {

    private KeyApplyBench() {
    }

    /** {@code rounds} measured rounds against the application at {@code context} (ends with a slash). */
    static void run(URI context, String token, int rounds) throws Exception {
        URI api = context.resolve("api/license");
        LocalDate end = LocalDate.now().plusYears(1);
        byte[][] keys = new byte[3][];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = TestLicenses.perpetual("NVZ-BENCH-KEYAPI-" + (char) ('A' + k), "Bench Ltd",
                    TestLicenses.thisMachineCode(), end);
        }
        Path home = Files.createTempDirectory("keyapply-bench");
        OtherNode service = OtherNode.on(home);
        HttpClient http = HttpClient.newHttpClient();
        List<Double> byApi = new ArrayList<>();
        List<Double> byPage = new ArrayList<>();
        List<Double> byService = new ArrayList<>();
        for (int i = 0; i < rounds + 10; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(api)
                    .header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(keys[2 * i % 3])).build(),
                    HttpResponse.BodyHandlers.ofString());
            double apiMillis = (System.nanoTime() - t0) / 1e6;
            if (answer.statusCode() != 200 || !answer.body().contains("\"applied\":true")) {
                throw new IllegalStateException("PUT /api/license answered " + answer.statusCode() + " " + answer.body());
            }
            double pageMillis = uploadOnPage(context, keys[(2 * i + 1) % 3]);
            long t1 = System.nanoTime();
            service.apply(keys[i % 2]);
            double serviceMillis = (System.nanoTime() - t1) / 1e6;
            if (i >= 10) { // the first ten warm up every path
                byApi.add(apiMillis);
                byPage.add(pageMillis);
                byService.add(serviceMillis);
            }
        }
        service.service().stop();
        System.out.printf("apply by PUT /api/license: %s%n", summary(byApi));
        System.out.printf("apply by an upload on the License page: %s%n", summary(byPage));
        System.out.printf("apply through the service directly: %s%n", summary(byService));
        System.out.printf("ratios of the medians: API / page %.2f, API / service %.2f, page / service %.2f%n",
                median(byApi) / median(byPage), median(byApi) / median(byService), median(byPage) / median(byService));
    }

    /** An admin logs in, loads the License page and uploads {@code key}; the upload's time in milliseconds. */
    private static double uploadOnPage(URI context, byte[] key) {
        FacesVisitor admin = new FacesVisitor(context);
        admin.logIn(TestUser.ADMIN);
        String view = FacesVisitor.viewStateOf(admin.get("license/license.xhtml").body());
        long t0 = System.nanoTime();
        HttpResponse<String> upload = admin.uploadKey(view, "new.key", key, admin.ownOrigin());
        double millis = (System.nanoTime() - t0) / 1e6;
        if (!FacesVisitor.announcesApplied(upload.body())) {
            throw new IllegalStateException("the upload on the License page applied nothing: " + upload.body());
        }
        return millis;
    }

    private static String summary(List<Double> millis) {
        return String.format("median %.1f ms (range %.1f-%.1f ms, %d applies)", median(millis),
                Collections.min(millis), Collections.max(millis), millis.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

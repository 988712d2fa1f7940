package com.netvizura.license.bench;

import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.TestLicenses;
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
 * The time of one key apply through {@code PUT /api/license} beside one through the service directly (not a test:
 * prints numbers, asserts nothing). Two keys with the same terms and different license ids are applied by turns, so
 * every apply is a real change (verify, compare, write, fsync, history, audit, epoch); the service baseline applies
 * the same two keys to a data directory of its own in this JVM. Rounds alternate API and service, after a warm-up.
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
        byte[][] keys = {TestLicenses.perpetual("NVZ-BENCH-KEYAPI-A", "Bench Ltd", TestLicenses.thisMachineCode(), end),
            TestLicenses.perpetual("NVZ-BENCH-KEYAPI-B", "Bench Ltd", TestLicenses.thisMachineCode(), end)};
        Path home = Files.createTempDirectory("keyapply-bench");
        OtherNode service = OtherNode.on(home);
        HttpClient http = HttpClient.newHttpClient();
        List<Double> byApi = new ArrayList<>();
        List<Double> byService = new ArrayList<>();
        for (int i = 0; i < rounds + 10; i++) {
            byte[] key = keys[i % 2];
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(api)
                    .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofByteArray(key)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (answer.statusCode() != 200 || !answer.body().contains("\"applied\":true")) {
                throw new IllegalStateException("PUT /api/license answered " + answer.statusCode() + " " + answer.body());
            }
            service.apply(key);
            long t2 = System.nanoTime();
            if (i >= 10) { // the first ten warm up both paths
                byApi.add((t1 - t0) / 1e6);
                byService.add((t2 - t1) / 1e6);
            }
        }
        service.service().stop();
        System.out.printf("apply by PUT /api/license: %s%n", summary(byApi));
        System.out.printf("apply through the service directly: %s%n", summary(byService));
        System.out.printf("ratio of the medians: %.2f%n", median(byApi) / median(byService));
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

package com.netvizura.license.bench;

import static com.netvizura.license.bench.Spread.bytes;
import static com.netvizura.license.bench.Spread.p50;
import static com.netvizura.license.bench.Spread.p99;
import static com.netvizura.license.bench.Spread.rps;

import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part {@code usage} of {@link WebBench} ({@code PARTS=usage bash .ci/bench-web}; not a test: prints numbers, asserts
 * nothing), in two halves that each alternate with their baseline in the same Tomcat:
 * <ol>
 * <li>{@code PUT /api/license/usage} (a JSON report of two names, the admin token; wrk sends it with a Lua script)
 *     beside {@code GET /api/license} (the read token), both in {@code /filtered};</li>
 * <li>the License page as admin with its Usage section ({@code /filtered}: {@code devices} reported and 90 days of
 *     peaks in {@code usage.csv}, so the chart has a bar a day) against the same page without the section
 *     ({@code /nousage}: the same WAR with {@code usage.xhtml} emptied, the same history): the page as it was before
 *     the section. Two applications, each with its own copy of the classes, so both are warmed up first.</li>
 * </ol>
 */
final class UsageBench {

    /** The context without the Usage section, deployed by {@link WebBench} only for this part. */
    static final String WITHOUT_SECTION = "nousage";
    private static final String LICENSE_PAGE = "license/license.xhtml";
    private static final String REPORT = "{\"devices\":87,\"flow_exporters\":12}";

    private final URI server;
    private final int runs;
    private final Duration duration;
    private final int connections;
    private final Duration warmUp;

    UsageBench(URI server, int runs, Duration duration, int connections, Duration warmUp) {
        this.server = server;
        this.runs = runs;
        this.duration = duration;
        this.connections = connections;
        this.warmUp = warmUp;
    }

    /**
     * A {@code usage.csv} with a peak of {@code devices} (limit 100) for each of the 90 days before today, written to
     * the license directory of {@code home} before the application starts.
     */
    static void writeHistory(Path home) throws IOException {
        StringBuilder csv = new StringBuilder("date,name,peak,limit\n");
        LocalDate today = LocalDate.now();
        for (int daysAgo = 90; daysAgo >= 1; daysAgo--) {
            csv.append(today.minusDays(daysAgo)).append(",devices,").append(60 + daysAgo * 7 % 45).append(",100\n");
        }
        Files.writeString(Files.createDirectories(home.resolve("license")).resolve("usage.csv"), csv,
                StandardCharsets.UTF_8);
    }

    /** Both halves; {@code scripts} is a directory for wrk's Lua script. */
    void run(String apiToken, String apiAdminToken, Path scripts) throws IOException {
        report(apiToken, apiAdminToken, scripts);
        page();
    }

    private void report(String apiToken, String apiAdminToken, Path scripts) throws IOException {
        Path put = scripts.resolve("usage-put.lua");
        Files.writeString(put, """
                wrk.method = "PUT"
                wrk.body = '%s'
                wrk.headers["Content-Type"] = "application/json"
                """.formatted(REPORT), StandardCharsets.UTF_8);
        WebClient client = new WebClient(server.resolve("filtered/"));
        HttpResponse<String> answer = client.putNoFollow("api/license/usage", REPORT.getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + apiAdminToken, "Content-Type", "application/json");
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("PUT api/license/usage answered " + answer.statusCode() + " "
                    + answer.body());
        }
        Map<String, Measured> paths = new LinkedHashMap<>();
        paths.put("GET /api/license (baseline)", new Measured("Authorization: Bearer " + apiToken, null,
                server.resolve("filtered/api/license")));
        paths.put("PUT /api/license/usage", new Measured("Authorization: Bearer " + apiAdminToken, put,
                server.resolve("filtered/api/license/usage")));
        Map<String, List<Wrk.Run>> results = alternate(paths, 5);
        String status = client.getNoFollow("api/license", "Authorization", "Bearer " + apiToken).body();
        if (!status.contains("\"inUse\":87")) { // the reports were taken, not refused
            throw new IllegalStateException("the status API does not show the reported usage: " + status);
        }
        print(results, "GET /api/license (baseline)");
    }

    private void page() {
        Map<String, Measured> pages = new LinkedHashMap<>();
        String baseline = "License page without the Usage section (baseline)";
        pages.put(baseline, new Measured("Cookie: " + adminSession(WITHOUT_SECTION, false), null,
                server.resolve(WITHOUT_SECTION + "/" + LICENSE_PAGE)));
        pages.put("License page with the Usage section", new Measured("Cookie: " + adminSession("filtered", true),
                null, server.resolve("filtered/" + LICENSE_PAGE)));
        print(alternate(pages, 10), baseline);
    }

    /** An admin's session cookie in {@code ctx}, after checking that its License page has the section or not. */
    private String adminSession(String ctx, boolean withSection) {
        WebClient admin = new WebClient(server.resolve(ctx + "/"));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get(LICENSE_PAGE).body();
        boolean hasRows = page.contains("id=\"usage-devices\"") && page.contains("<svg");
        if (!page.contains("id=\"licenseDetails\"") || hasRows != withSection
                || !withSection && page.contains("id=\"usageSection\"")) {
            throw new IllegalStateException(ctx + "/" + LICENSE_PAGE + " is not the License page "
                    + (withSection ? "with" : "without") + " the Usage section:\n"
                    + page.substring(0, Math.min(page.length(), 2000)));
        }
        return "JSESSIONID=" + admin.cookie("JSESSIONID").orElseThrow();
    }

    /**
     * Warm-up rounds (a run of each) until the baseline's rate changes by less than 5 % from one round to the next
     * (at most 10; on two shared cores the JIT needs minutes for a page), then {@code runs} rounds; the order within
     * a round alternates.
     */
    private Map<String, List<Wrk.Run>> alternate(Map<String, Measured> measured, int defaultWarmUpSeconds) {
        Duration warm = warmUp == null ? Duration.ofSeconds(defaultWarmUpSeconds) : warmUp;
        double previous = 0;
        for (int round = 1; round <= 10; round++) {
            double rate = 0;
            for (Measured m : measured.values()) {
                double r = m.run(2, connections, warm).requestsPerSecond();
                rate = rate == 0 ? r : rate;
            }
            System.out.printf("  warm-up round %d: baseline %.0f requests/s%n", round, rate);
            if (previous > 0 && Math.abs(rate - previous) < 0.05 * previous) {
                break;
            }
            previous = rate;
        }
        Map<String, List<Wrk.Run>> results = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(measured.keySet());
        for (int run = 1; run <= runs; run++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(run % 2 == 1 ? i : names.size() - 1 - i);
                Wrk.Run r = measured.get(name).run(2, connections, duration);
                if (r.requests() == 0 || r.unsuccessful() > 0) {
                    throw new IllegalStateException(name + ": " + r.requests() + " answers, " + r.unsuccessful()
                            + " of them not 2xx");
                }
                results.computeIfAbsent(name, n -> new ArrayList<>()).add(r);
                System.out.printf("  run %d %s: %s (requests/s, p50 ms, p99 ms, bytes a response)%n", run, name,
                        r.line());
            }
        }
        return results;
    }

    private static void print(Map<String, List<Wrk.Run>> results, String baseline) {
        List<Wrk.Run> base = results.get(baseline);
        results.forEach((name, rs) -> System.out.printf("%s: p50 %s, p99 %s, %s, %.0f bytes; ratios to the baseline "
                + "(medians): p50 %.2f, p99 %.2f, req/s %.2f%n", name, p50(rs).format(" ms", 2),
                p99(rs).format(" ms", 2), rps(rs).format(" req/s", 0), bytes(rs).median(),
                p50(rs).median() / p50(base).median(), p99(rs).median() / p99(base).median(),
                rps(rs).median() / rps(base).median()));
    }

    /** What wrk sends: one header and a Lua script or none, to {@code url}. */
    private record Measured(String header, Path script, URI url) {

        Wrk.Run run(int threads, int conns, Duration time) {
            return Wrk.run(threads, conns, time, header, script, url);
        }
    }
}

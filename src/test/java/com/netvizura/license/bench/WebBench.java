package com.netvizura.license.bench;

import static com.netvizura.license.bench.Spread.bytes;
import static com.netvizura.license.bench.Spread.p50;
import static com.netvizura.license.bench.Spread.p99;
import static com.netvizura.license.bench.Spread.rps;

import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.Poll;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.TomcatProcess;
import com.netvizura.license.it.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Load figures for the plugin's web filters, pages and API against a real Tomcat, driven by Debian's {@code wrk}
 * ({@code bash .ci/bench-web}; not a test: prints numbers, asserts nothing). Every figure is a median and range over
 * runs that alternate with a baseline in the same Tomcat, and the ratios are taken against that baseline, so that a
 * loaded machine shifts both alike.
 *
 * <p>One Tomcat 10.1 ({@link TomcatProcess}: a free port on 127.0.0.1, no shutdown port, stopped at the end, on an
 * error and on Ctrl-C) with the same WAR deployed three times, side by side:
 * <ul>
 * <li>{@code /filtered} the WAR as built: session reset, cross-site and admin checks, license guard (a valid license
 *     with a year of maintenance: nothing for the license notice to say);</li>
 * <li>{@code /notice} the WAR as built for the license notice's cost: its license is switched between runs;</li>
 * <li>{@code /bare} the same files without the plugin's ServletContainerInitializer: none of the plugin's filters.</li>
 * </ul>
 * The parts ({@code PARTS}, all by default): {@code filters} a trivial page and the dashboard as a logged-in user,
 * bare against filtered; {@code license} the License page as admin against the dashboard (p50, p99, requests/s, the
 * p99 ratio); {@code cpu} Tomcat's own CPU time a request for both; {@code api} the status API and the metrics with
 * the bearer token against the dashboard; {@code notice} the dashboard with the license notice against the same
 * dashboard with nothing to say; {@code usage} {@link UsageBench} (usage reports beside the status API, the License
 * page with its Usage section against the page without it, in a fourth context {@code /nousage} deployed only for
 * this part); {@code stale} {@link StaleSessionBench}; {@code keyapi} (last: it changes /filtered's license)
 * {@link KeyApplyBench}, applies by {@code PUT /api/license} beside uploads on the License page and applies through
 * the service.
 *
 * <p>Settings from the environment: {@code RUNS} (5), {@code DURATION} (10s), {@code CONNECTIONS} (16),
 * {@code SESSIONS} (10000), {@code LOGINS} (200), {@code ROUNDS} (40 key applies), {@code PARTS}, {@code WARMUP} (seconds of each warm-up run; by
 * default 3 s before the filters and the API, rounds of 10 s for the License page, 20 s before CPU and notice runs).
 * Every step has a time limit: Tomcat's start 3 min an application, each request 30 s, each wrk run its duration
 * plus 30 s, the stale-session part 15 min.
 */
public final class WebBench {

    private static final List<String> ALL_PARTS = List.of("filters", "license", "cpu", "api", "notice", "usage",
            "stale", "keyapi");
    private static final String LICENSE_PAGE = "license/license.xhtml";
    private static final String DASHBOARD = "index.xhtml";
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);
    private static final Duration STALE_LIMIT = Duration.ofMinutes(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(REQUEST_LIMIT).build();

    private final int runs = setting("RUNS", 5);
    private final Duration duration = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("DURATION", "10s").replaceAll("s$", "")));
    private final int connections = setting("CONNECTIONS", 16);
    private final int sessions = setting("SESSIONS", 10_000);
    private final int logins = setting("LOGINS", 200);
    private final Set<String> parts = Set.of(System.getenv().getOrDefault("PARTS", String.join(",", ALL_PARTS))
            .split(","));
    private final int rounds = setting("ROUNDS", 40);
    private final Integer warmUp = System.getenv("WARMUP") == null ? null : setting("WARMUP", 0);
    /** The status API's bearer token for this run only ({@code netvizura.license.apiToken} of every context). */
    private final String apiToken = UUID.randomUUID().toString().replace("-", "")
            + UUID.randomUUID().toString().replace("-", "");
    /** The admin token that applies keys ({@code netvizura.license.apiAdminToken}), for part keyapi. */
    private final String apiAdminToken = UUID.randomUUID().toString().replace("-", "")
            + UUID.randomUUID().toString().replace("-", "");
    private final Path bench = Path.of("target/bench-web").toAbsolutePath();
    private TomcatProcess tomcat;

    private WebBench() {
    }

    public static void main(String[] args) {
        WebBench webBench = new WebBench();
        for (String part : webBench.parts) {
            if (!ALL_PARTS.contains(part)) {
                throw new IllegalArgumentException("unknown part " + part + "; the parts are " + ALL_PARTS);
            }
        }
        try {
            webBench.start();
            webBench.runParts();
        } finally {
            if (webBench.tomcat != null) {
                webBench.tomcat.close();
            }
        }
        System.exit(0); // HttpClient threads and the stale-session part's pool must not keep the JVM alive
    }

    private void start() {
        byte[] key = TestLicenses.valid("NVZ-BENCH-WEB", "Bench Ltd");
        List<String> contexts = new ArrayList<>(List.of("filtered", "notice", "bare"));
        if (parts.contains("usage")) {
            contexts.add(UsageBench.WITHOUT_SECTION);
        }
        tomcat = TomcatProcess.start(bench.resolve("base"), "", false, contexts.size(), base -> {
            Path descriptors = Files.createDirectories(base.resolve("conf/Catalina/localhost"));
            for (String name : contexts) {
                Path app = bench.resolve("apps").resolve(name);
                TomcatProcess.deleteTree(app);
                unzip(TomcatProcess.builtWar(), app);
                Path home = home(name);
                TomcatProcess.deleteTree(home);
                Files.write(Files.createDirectories(home.resolve("license")).resolve("license.key"), key);
                Files.writeString(descriptors.resolve(name + ".xml"), descriptor(app, home), StandardCharsets.UTF_8);
            }
            Files.delete(bench.resolve("apps/bare/WEB-INF/classes/META-INF/services/"
                    + "jakarta.servlet.ServletContainerInitializer"));
            if (parts.contains("usage")) { // the License page before its Usage section; 90 days of peaks for both
                Files.writeString(bench.resolve("apps").resolve(UsageBench.WITHOUT_SECTION)
                        .resolve("WEB-INF/netvizura-license/usage.xhtml"),
                        "<ui:composition xmlns:ui=\"jakarta.faces.facelets\"/>\n", StandardCharsets.UTF_8);
                UsageBench.writeHistory(home("filtered"));
                UsageBench.writeHistory(home(UsageBench.WITHOUT_SECTION));
            }
        });
        for (String name : contexts.stream().filter(c -> !c.equals("bare")).toList()) {
            if (!Pattern.compile("home-" + name + "/license\\].*license status \\[VALID\\]").matcher(tomcat.log())
                    .find()) {
                throw new IllegalStateException("the " + name + " context has no valid license:\n"
                        + tomcat.logTail());
            }
        }
    }

    /**
     * The context file of the application unpacked at {@code app}: the WAR's own {@code META-INF/context.xml} (which
     * a context file replaces: its cookie processor, jar scanning and login valve must stay what is measured) with
     * the {@code docBase} and the bench's settings added.
     */
    private String descriptor(Path app, Path home) throws IOException {
        String own = Files.readString(app.resolve("META-INF/context.xml"), StandardCharsets.UTF_8);
        int end = own.lastIndexOf("</Context>");
        if (!own.contains("<Context>") || end < 0) {
            throw new IllegalStateException("the WAR's META-INF/context.xml has no <Context> ... </Context>");
        }
        return own.substring(0, end).replace("<Context>", "<Context docBase=\"" + app + "\">") + """
                  <Parameter name="netvizura.home" value="%s" override="false"/>
                  <Parameter name="netvizura.license.apiToken" value="%s" override="false"/>
                  <Parameter name="netvizura.license.apiAdminToken" value="%s" override="false"/>
                """.formatted(home, apiToken, apiAdminToken) + own.substring(end);
    }

    private void runParts() {
        if (parts.contains("filters")) {
            System.out.printf("wrk: %d alternating runs of %ds at %d connections, logged in as user; load average %s%n",
                    runs, duration.toSeconds(), connections, loadAverage());
            filters("resources/netvizura-license/shell.css");
            filters(DASHBOARD);
        }
        if (parts.contains("license")) {
            System.out.printf("wrk: the License page as admin, %d runs of %ds at %d connections, alternating with the "
                    + "dashboard; load average %s%n", runs, duration.toSeconds(), connections, loadAverage());
            licensePage();
            System.out.println("load average after: " + loadAverage());
        }
        if (parts.contains("cpu")) {
            System.out.printf("CPU time a request: the dashboard and the License page as admin, %d alternating runs "
                    + "of %ds at 2 connections; load average %s%n", runs, duration.toSeconds(), loadAverage());
            cpu();
            System.out.println("load average after: " + loadAverage());
        }
        if (parts.contains("api")) {
            System.out.printf("wrk: the status API and the metrics with the bearer token, %d runs of %ds at %d "
                    + "connections, alternating with the dashboard as admin; load average %s%n", runs,
                    duration.toSeconds(), connections, loadAverage());
            api();
            System.out.println("load average after: " + loadAverage());
        }
        if (parts.contains("notice")) {
            System.out.printf("wrk: the dashboard as admin with the license notice and without, %d alternating runs "
                    + "of %ds at %d connections; load average %s%n", runs, duration.toSeconds(), connections,
                    loadAverage());
            notice();
            System.out.println("load average after: " + loadAverage());
        }
        if (parts.contains("usage")) {
            System.out.printf("wrk: PUT /api/license/usage beside GET /api/license, then the License page as admin "
                    + "with the Usage section and without, %d alternating runs of %ds at %d connections; load average "
                    + "%s%n",
                    runs, duration.toSeconds(), connections, loadAverage());
            try {
                new UsageBench(tomcat.server(), runs, duration, connections, warmUp == null ? null
                        : Duration.ofSeconds(warmUp)).run(apiToken, apiAdminToken, bench);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("load average after: " + loadAverage());
        }
        if (parts.contains("stale")) {
            System.out.printf("Stale sessions: %d live sessions, %d logged in%n", sessions, logins);
            stale();
        }
        if (parts.contains("keyapi")) {
            System.out.printf("Key applies: PUT /api/license beside an upload on the License page and the service "
                    + "directly, %d alternating rounds after 10 warm-up rounds; load average %s%n", rounds,
                    loadAverage());
            try {
                KeyApplyBench.run(tomcat.server().resolve("filtered/"), apiAdminToken, rounds);
            } catch (Exception e) {
                throw new IllegalStateException("the keyapi part failed", e);
            }
            System.out.println("load average after: " + loadAverage());
        }
    }

    /** A trivial path as a logged-in user, bare and filtered alternating: what the plugin's filters cost. */
    private void filters(String path) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String ctx : List.of("bare", "filtered")) {
            String cookie = logIn(ctx, TestUser.USER);
            int code = fetch(ctx + "/" + path, "Cookie: " + cookie).statusCode();
            if (code != 200) { // the other parts still run; Tomcat's log says why
                System.out.printf("%s: not measured, %s/%s answers %d, not 200 (see %s)%n", path, ctx, path, code,
                        bench.resolve("base/logs"));
                return;
            }
            cookies.put(ctx, cookie);
            warm(2, connections, warmUp(3), "Cookie: " + cookie, ctx + "/" + path);
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String ctx : cookies.keySet()) {
                Wrk.Run r = wrk(2, connections, duration, "Cookie: " + cookies.get(ctx), ctx + "/" + path);
                rates.computeIfAbsent(ctx, c -> new ArrayList<>()).add(r.requestsPerSecond());
                System.out.printf("  run %d %s: %.2f requests/s%n", run, ctx, r.requestsPerSecond());
            }
        }
        Spread bare = new Spread(rates.get("bare"));
        Spread filtered = new Spread(rates.get("filtered"));
        System.out.printf("%s: without filters median %s; with filters median %s; difference %+.1f %% of the bare "
                + "rate%n", path, bare.format(" req/s", 0), filtered.format(" req/s", 0),
                100 * (bare.median() - filtered.median()) / bare.median());
    }

    /** The License page as admin, alternating with the dashboard as baseline, in /filtered. */
    private void licensePage() {
        String cookie = logIn("filtered", TestUser.ADMIN);
        long size = licensePageSize(cookie);
        expect200("filtered/" + DASHBOARD, cookie);
        // Warm-up: on two shared cores the JIT competes with the request threads and needs minutes, not seconds, so
        // both pages are fetched in rounds until the dashboard's rate changes by less than 5 % from one round to the
        // next (at most 10 rounds).
        double previous = 0;
        for (int round = 1; round <= 10; round++) {
            warm(2, connections, warmUp(10), "Cookie: " + cookie, "filtered/" + LICENSE_PAGE);
            double rate = warm(2, connections, warmUp(10), "Cookie: " + cookie, "filtered/" + DASHBOARD)
                    .requestsPerSecond();
            System.out.printf("  warm-up round %d: dashboard %.0f requests/s%n", round, rate);
            if (previous > 0 && Math.abs(rate - previous) < 0.05 * previous) {
                break;
            }
            previous = rate;
        }
        Map<String, List<Wrk.Run>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String page : List.of(DASHBOARD, LICENSE_PAGE)) {
                Wrk.Run r = wrk(2, connections, duration, "Cookie: " + cookie, "filtered/" + page);
                results.computeIfAbsent(page, p -> new ArrayList<>()).add(r);
                System.out.printf("  run %d %s: %s (requests/s, p50 ms, p99 ms, bytes a response)%n", run, page,
                        r.line());
            }
        }
        licensePageSize(cookie); // the session still holds: every run above was answered as admin
        for (Wrk.Run r : results.get(LICENSE_PAGE)) { // wrk sees no body: a login form or redirect would differ
            if (Math.abs(r.bytesPerResponse() - size) > 0.15 * size) {
                throw new IllegalStateException(String.format("wrk got %.0f bytes a response from %s, the client %d: "
                        + "not the License page", r.bytesPerResponse(), LICENSE_PAGE, size));
            }
        }
        for (String page : List.of(LICENSE_PAGE, DASHBOARD)) {
            List<Wrk.Run> rs = results.get(page);
            System.out.printf("%s: p50 %s, p99 %s, %s; median (range) of %d%n",
                    page.equals(DASHBOARD) ? "dashboard (admin, baseline)" : "License page (admin)",
                    p50(rs).format(" ms", 1), p99(rs).format(" ms", 1), rps(rs).format(" req/s", 0), rs.size());
        }
        Spread license = p99(results.get(LICENSE_PAGE));
        Spread base = p99(results.get(DASHBOARD));
        Spread ratios = license.over(base);
        double ratio = license.median() / base.median();
        System.out.printf("License page p99 / dashboard p99: %.2f (medians; per run %.2f-%.2f); target ratio <= 1.5: "
                + "%s; target p99 <= 50 ms: %s (median %.1f ms)%n", ratio, ratios.min(), ratios.max(),
                ratio <= 1.5 ? "met" : "NOT met", license.median() <= 50 ? "met" : "NOT met", license.median());
    }

    /**
     * The server's CPU time a request: dashboard and License page as admin, alternating, in /filtered. wrk's latency
     * on a shared 2-core machine is mostly scheduling (wrk, Tomcat and other builds share the cores); the Tomcat
     * process's own CPU time (user + system, all its threads: GC and JIT included) divided by the requests it
     * answered is the page's work without that noise. Two connections on one wrk thread leave wrk little to do.
     */
    private void cpu() {
        String cookie = logIn("filtered", TestUser.ADMIN);
        licensePageSize(cookie);
        long ticksPerSecond = Long.parseLong(Wrk.execute(List.of("getconf", "CLK_TCK"), REQUEST_LIMIT).strip());
        Map<String, List<Double>> perRequest = new LinkedHashMap<>();
        for (int run = 0; run <= runs; run++) {
            for (String page : List.of(DASHBOARD, LICENSE_PAGE)) {
                if (run == 0) {
                    warm(1, 2, warmUp(20), "Cookie: " + cookie, "filtered/" + page);
                    continue;
                }
                long before = cpuTicks();
                Wrk.Run r = wrk(1, 2, duration, "Cookie: " + cookie, "filtered/" + page);
                long ticks = cpuTicks() - before;
                double ms = ticks * 1000.0 / ticksPerSecond / r.requests();
                perRequest.computeIfAbsent(page, p -> new ArrayList<>()).add(ms);
                System.out.printf("  run %d %s: %.3f ms CPU a request (%d requests)%n", run, page, ms, r.requests());
            }
        }
        licensePageSize(cookie); // the session still holds: every run above was answered as admin
        Spread dashboard = new Spread(perRequest.get(DASHBOARD));
        Spread license = new Spread(perRequest.get(LICENSE_PAGE));
        System.out.printf("dashboard (admin, baseline): %s CPU a request; median (range) of %d%n",
                dashboard.format(" ms", 2), dashboard.values().size());
        System.out.printf("License page (admin): %s CPU a request; median (range) of %d%n", license.format(" ms", 2),
                license.values().size());
        Spread ratios = license.over(dashboard);
        System.out.printf("License page CPU / dashboard CPU: %.2f (medians; per run %.2f-%.2f)%n",
                license.median() / dashboard.median(), ratios.min(), ratios.max());
    }

    /** The status API and the metrics with the bearer token, alternating with the dashboard (admin) as baseline. */
    private void api() {
        String cookie = logIn("filtered", TestUser.ADMIN);
        String bearer = "Authorization: Bearer " + apiToken;
        expect200("filtered/" + DASHBOARD, cookie);
        // The answers must be the API's, not a 401 or a login page: JSON with the status, metrics with the info line.
        HttpResponse<String> status = fetch("filtered/api/license", bearer);
        if (status.statusCode() != 200 || !status.body().contains("\"status\":\"VALID\"")) {
            throw new IllegalStateException("api/license does not answer the status to the token: " + status.body());
        }
        HttpResponse<String> metrics = fetch("filtered/api/license/metrics", bearer);
        if (metrics.statusCode() != 200 || metrics.body().lines().noneMatch(l -> l.startsWith(
                "netvizura_license_info{"))) {
            throw new IllegalStateException("api/license/metrics does not answer the metrics to the token");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DASHBOARD, "Cookie: " + cookie);
        headers.put("api/license", bearer);
        headers.put("api/license/metrics", bearer);
        headers.forEach((path, header) -> warm(2, connections, warmUp(3), header, "filtered/" + path));
        Map<String, List<Wrk.Run>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                Wrk.Run r = wrk(2, connections, duration, e.getValue(), "filtered/" + e.getKey());
                results.computeIfAbsent(e.getKey(), p -> new ArrayList<>()).add(r);
                System.out.printf("  run %d %s: %s (requests/s, p50 ms, p99 ms, bytes a response)%n", run, e.getKey(),
                        r.line());
            }
        }
        List<Wrk.Run> base = results.get(DASHBOARD);
        Map<String, String> names = Map.of(DASHBOARD, "dashboard (admin, baseline)", "api/license",
                "status API (token)", "api/license/metrics", "metrics (token)");
        for (String path : headers.keySet()) {
            List<Wrk.Run> rs = results.get(path);
            System.out.printf("%s: p50 %s, p99 %s, %s, %.0f bytes; ratios to the dashboard (medians): p50 %.2f, "
                    + "p99 %.2f, req/s %.2f%n", names.get(path), p50(rs).format(" ms", 2), p99(rs).format(" ms", 2),
                    rps(rs).format(" req/s", 0), bytes(rs).median(), p50(rs).median() / p50(base).median(),
                    p99(rs).median() / p99(base).median(), rps(rs).median() / rps(base).median());
        }
    }

    /**
     * The dashboard as admin with the license notice and without it, both in /notice, alternating. One application
     * for both, so both run the same JIT-compiled code (each context has its own copy of the classes; measured across
     * two contexts, the one that had served fewer requests looked 20 % slower). Between runs another node applies the
     * other license to /notice's data directory: a subscription that ends in 10 days (the notice is shown) or a year
     * of maintenance (nothing to say). The change resets the admin's session, so it logs in again.
     */
    private void notice() {
        Map<String, List<Wrk.Run>> results = new LinkedHashMap<>();
        for (int run = 0; run <= runs; run++) {
            // Which state goes first alternates, so that the JIT's warming up over the runs favours neither.
            for (String state : run % 2 == 1 ? List.of("notice", "quiet") : List.of("quiet", "notice")) {
                String cookie = switchTo(state);
                if (run == 0) { // warm-up
                    warm(2, connections, warmUp(20), "Cookie: " + cookie, "notice/" + DASHBOARD);
                    continue;
                }
                Wrk.Run r = wrk(2, connections, duration, "Cookie: " + cookie, "notice/" + DASHBOARD);
                results.computeIfAbsent(state, s -> new ArrayList<>()).add(r);
                System.out.printf("  run %d %s: %s (requests/s, p50 ms, p99 ms, bytes a response)%n", run, state,
                        r.line());
            }
        }
        for (String state : List.of("quiet", "notice")) {
            List<Wrk.Run> rs = results.get(state);
            System.out.printf("%s: p50 %s, p99 %s, %s, %.0f bytes%n", state.equals("quiet")
                    ? "dashboard, nothing to say (admin)" : "dashboard with the notice (admin)",
                    p50(rs).format(" ms", 2), p99(rs).format(" ms", 2), rps(rs).format(" req/s", 0),
                    bytes(rs).median());
        }
        List<Wrk.Run> notice = results.get("notice");
        List<Wrk.Run> quiet = results.get("quiet");
        Spread perRun = rps(notice).over(rps(quiet));
        System.out.printf("notice / nothing to say (medians): p50 %.2f, p99 %.2f, req/s %.2f (per run %.2f-%.2f)%n",
                p50(notice).median() / p50(quiet).median(), p99(notice).median() / p99(quiet).median(),
                rps(notice).median() / rps(quiet).median(), perRun.min(), perRun.max());
    }

    /** Applies the {@code notice} or {@code quiet} license to /notice; logs in again until the dashboard shows it. */
    private String switchTo(String state) {
        byte[] key = state.equals("notice")
                ? TestLicenses.subscription("NVZ-BENCH-NOTICE", "Bench Ltd", LocalDate.now().plusDays(10))
                : TestLicenses.valid("NVZ-BENCH-QUIET", "Bench Ltd");
        try {
            OtherNode.on(home("notice")).apply(key);
        } catch (Exception e) {
            throw new IllegalStateException("the " + state + " license was not applied", e);
        }
        // The application sees another node's change within about a second.
        Optional<String> shown = Poll.lastAnswer(Duration.ofSeconds(10), Duration.ofMillis(200), () -> {
            String cookie = logIn("notice", TestUser.ADMIN);
            String page = fetch("notice/" + DASHBOARD, "Cookie: " + cookie).body();
            boolean dashboard = page.contains("id=\"pageTitle\">Dashboard");
            boolean withNotice = page.contains("id=\"nvlLicenseNotice\"");
            return dashboard && withNotice == state.equals("notice") ? Optional.of(cookie) : Optional.<String>empty();
        }, Optional::isPresent);
        return shown.orElseThrow(() -> new IllegalStateException("notice/index.xhtml: the dashboard does not show "
                + "the " + state + " license"));
    }

    /** {@link StaleSessionBench} against /filtered, within its time limit. */
    private void stale() {
        Thread part = new Thread(() -> {
            try {
                StaleSessionBench.run(tomcat.server().resolve("filtered/"), home("filtered"), sessions, logins);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "stale sessions");
        part.setDaemon(true);
        part.start();
        try {
            part.join(STALE_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (part.isAlive()) {
            throw new IllegalStateException("the stale-session part did not finish within " + STALE_LIMIT);
        }
    }

    /**
     * Fails unless the License page is what the admin gets (not the login form, not a redirect) and the answer sets
     * no cookie (wrk keeps none: a new session a request would show here); its size with headers, to compare with
     * what wrk reads.
     */
    private long licensePageSize(String cookie) {
        HttpResponse<String> page = fetch("filtered/" + LICENSE_PAGE, "Cookie: " + cookie);
        String body = page.body();
        if (page.statusCode() != 200 || !body.contains("License Details") || !body.contains("id=\"licenseDetails\"")
                || body.contains("j_security_check")) {
            throw new IllegalStateException(LICENSE_PAGE + " does not show the License page to the admin: "
                    + page.statusCode() + " " + page.headers().firstValue("Location").orElse("") + "\n"
                    + body.substring(0, Math.min(body.length(), 2000)));
        }
        if (page.headers().firstValue("Set-Cookie").isPresent()) {
            throw new IllegalStateException(LICENSE_PAGE + " sets a cookie");
        }
        long headers = "HTTP/1.1 200 \r\n\r\n".length() + page.headers().map().entrySet().stream()
                .mapToLong(h -> h.getValue().stream().mapToLong(v -> h.getKey().length() + v.length() + 4).sum())
                .sum();
        return headers + body.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The {@code JSESSIONID} cookie of a logged-in session of {@code user} in context {@code ctx}. */
    private String logIn(String ctx, TestUser user) {
        WebClient client = new WebClient(tomcat.server().resolve(ctx + "/"));
        client.logIn(user);
        return "JSESSIONID=" + client.cookie("JSESSIONID").orElseThrow(
                () -> new IllegalStateException("no session for " + user + " in " + ctx));
    }

    private void expect200(String path, String cookie) {
        int code = fetch(path, "Cookie: " + cookie).statusCode();
        if (code != 200) {
            throw new IllegalStateException(path + " answers " + code + ", not 200");
        }
    }

    /** GET of {@code path} below the server's root with one header ("Name: value"), not following redirects. */
    private HttpResponse<String> fetch(String path, String header) {
        int colon = header.indexOf(':');
        try {
            return HTTP.send(HttpRequest.newBuilder(tomcat.server().resolve(path)).timeout(REQUEST_LIMIT)
                    .header(header.substring(0, colon), header.substring(colon + 1).strip()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One wrk run; a run that got no answer at all (a cold page on a loaded machine) is an error, not a figure. */
    private Wrk.Run wrk(int threads, int conns, Duration time, String header, String path) {
        Wrk.Run run = Wrk.run(threads, conns, time, header, tomcat.server().resolve(path));
        if (run.requests() == 0) {
            throw new IllegalStateException("wrk got no answer from " + path + " in " + time);
        }
        return run;
    }

    /** A warm-up run: its figures are not used, and a cold page may answer nothing within it. */
    private Wrk.Run warm(int threads, int conns, Duration time, String header, String path) {
        return Wrk.run(threads, conns, time, header, tomcat.server().resolve(path));
    }

    private Duration warmUp(int defaultSeconds) {
        return Duration.ofSeconds(warmUp == null ? defaultSeconds : warmUp);
    }

    /** Tomcat's user + system CPU time so far, in clock ticks (fields 14 and 15 of {@code /proc/PID/stat}). */
    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(tomcat.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14, 15; f[0] is field 3
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path home(String ctx) {
        return bench.resolve("home-" + ctx);
    }

    private static String loadAverage() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
                    .collect(Collectors.joining(" "));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int setting(String name, int defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
    }

    private static void unzip(Path war, Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(war); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }
}

package com.netvizura.license.bench;

import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.Poll;
import com.netvizura.license.it.TestLicenses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figures for the lazy session reset, against a running Tomcat (started by {@link WebBench}): makes
 * {@code sessions} live sessions, logs in {@code logins} more, applies keys on a second node sharing the data
 * directory (timing each apply), then times the first request of each stale session (the reset) against an
 * ordinary request of the same sessions before the change. Prints figures; asserts nothing.
 *
 * <p>Arguments: {@code <context URL ending in /> <netvizura.home of that context> <sessions> <logins>}.
 */
public final class StaleSessionBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private StaleSessionBench() {
    }

    public static void main(String[] args) throws Exception {
        run(URI.create(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    /** The figures for the context at {@code root} whose data directory is {@code home}; see the class comment. */
    static void run(URI root, Path home, int sessions, int logins) throws Exception {
        URI css = root.resolve("resources/netvizura-license/shell.css");

        long t = System.nanoTime();
        int created = makeAnonymousSessions(root.resolve("index.xhtml"), sessions);
        System.out.printf("live anonymous sessions created: %d in %.1f s%n", created, (System.nanoTime() - t) / 1e9);

        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            cookies.add(logIn(root, i % 2 == 0 ? "user" : "admin"));
        }
        for (String cookie : cookies) {
            expect(200, get(css, cookie)); // warm-up pass
        }
        List<Double> ordinary = new ArrayList<>();
        for (String cookie : cookies) {
            long s = System.nanoTime();
            expect(200, get(css, cookie));
            ordinary.add((System.nanoTime() - s) / 1e6);
        }
        System.out.printf("logged-in sessions: %d; ordinary request (static file) median %.2f ms%n",
                cookies.size(), median(ordinary));

        OtherNode node = OtherNode.on(home);
        List<Double> applies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] key = TestLicenses.valid("NVZ-BENCH-" + System.nanoTime(), "Bench Ltd");
            long s = System.nanoTime();
            node.apply(key);
            applies.add((System.nanoTime() - s) / 1e6);
        }
        System.out.printf("apply with %d live sessions: first %.1f ms, then median %.1f ms (max %.1f ms) of %d%n",
                created + cookies.size(), applies.get(0), median(applies.subList(1, applies.size())),
                Collections.max(applies.subList(1, applies.size())), applies.size() - 1);

        Poll.pause(Duration.ofMillis(1500)); // past the deployed node's poll interval
        long s = System.nanoTime();
        get(root.resolve("index.xhtml"), null);
        System.out.printf("first request on the Tomcat node after the change (re-reads and verifies the key): %.2f ms%n",
                (System.nanoTime() - s) / 1e6);

        List<Double> stale = new ArrayList<>();
        for (String cookie : cookies) {
            long b = System.nanoTime();
            expect(302, get(css, cookie));
            stale.add((System.nanoTime() - b) / 1e6);
        }
        System.out.printf("first request of a stale session (invalidate + redirect): median %.2f ms, max %.2f ms%n",
                median(stale), Collections.max(stale));
    }

    private static int makeAnonymousSessions(URI page, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> sessionCookie(get(page, null)).isPresent()));
            }
            int created = 0;
            for (Future<Boolean> r : results) {
                created += r.get() ? 1 : 0;
            }
            return created;
        } finally {
            pool.shutdown();
        }
    }

    /** Logs in through the FORM login; returns the session cookie of the logged-in session. */
    private static String logIn(URI root, String user) throws Exception {
        String cookie = sessionCookie(get(root, null)).orElseThrow();
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(root.resolve("j_security_check"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(303, login);
        return sessionCookie(login).orElse(cookie); // Tomcat changes the session id on login
    }

    private static HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst();
    }

    private static void expect(int status, HttpResponse<?> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " from " + response.uri() + " but got "
                    + response.statusCode() + " " + response.headers().map());
        }
    }

    private static double median(List<Double> values) {
        return new Spread(values).median();
    }
}

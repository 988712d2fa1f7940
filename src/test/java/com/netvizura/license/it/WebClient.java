package com.netvizura.license.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser without a browser: an HTTP client that keeps its cookies (so, one session) and follows redirects,
 * for tests that only need to see what the server answers. One instance is one visitor.
 */
public final class WebClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The header Faces' script sets on its AJAX requests. */
    public static final String[] FACES_AJAX = {"Faces-Request", "partial/ajax"};

    private final URI root;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final HttpClient httpNoFollow;

    public WebClient(URI root) {
        this.root = root;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(TIMEOUT)
                .build();
        this.httpNoFollow = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** The value of the cookie {@code name} this visitor holds, e.g. {@code JSESSIONID}. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** GET of {@code path} that does not follow a redirect, with extra headers as name, value, name, value... */
    public HttpResponse<String> getNoFollow(String path, String... headers) {
        return send(httpNoFollow, HttpRequest.newBuilder(root.resolve(path)).GET(), headers);
    }

    /**
     * A request with any method and no body (HEAD, DELETE...) that does not follow a redirect, with extra headers as
     * name, value, name, value...
     */
    public HttpResponse<String> requestNoFollow(String method, String path, String... headers) {
        return send(httpNoFollow, HttpRequest.newBuilder(root.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    /** A request with {@code method} and a UTF-8 {@code body} that does not follow a redirect, with extra headers. */
    public HttpResponse<String> sendNoFollow(String method, String path, String body, String... headers) {
        return send(httpNoFollow, HttpRequest.newBuilder(root.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)),
                headers);
    }

    /** PUT of {@code body} to {@code path} that does not follow a redirect, with extra headers as name, value... */
    public HttpResponse<String> putNoFollow(String path, byte[] body, String... headers) {
        return send(httpNoFollow, HttpRequest.newBuilder(root.resolve(path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** Form POST of {@code path} that does not follow a redirect, with extra headers as name, value... */
    public HttpResponse<String> postFormNoFollow(String path, Map<String, String> fields, String... headers) {
        return send(httpNoFollow, HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))), headers);
    }

    /**
     * A Faces AJAX POST to {@code path} (as a PrimeFaces button on that page sends it), not following redirects;
     * the answer to a reset or a missing login is a partial-response redirect, not a 302.
     */
    public HttpResponse<String> ajaxPost(String path) {
        return postFormNoFollow(path, staleAjaxFields(), FACES_AJAX);
    }

    /** {@link #ajaxPost(String)} with the {@code Origin} header a browser adds, here {@code origin}. */
    public HttpResponse<String> ajaxPost(String path, String origin) {
        return postFormNoFollow(path, staleAjaxFields(), FACES_AJAX[0], FACES_AJAX[1], "Origin", origin);
    }

    private static Map<String, String> staleAjaxFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "someButton");
        fields.put("jakarta.faces.partial.execute", "@all");
        fields.put("jakarta.faces.ViewState", "stale");
        return fields;
    }

    /** GET of {@code path} relative to the application root. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).GET());
    }

    /** POST of an HTML form ({@code application/x-www-form-urlencoded}) to {@code path}. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))));
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Logs in as {@code user}; the answer is the page the login leads to (the dashboard). */
    public HttpResponse<String> logIn(TestUser user) {
        return logIn(user.username(), user.password());
    }

    /**
     * Logs in the way a person does: open the application (the container shows the login form and remembers
     * the page asked for), then submit the form. Tomcat refuses a login that was not asked for by a page.
     */
    public HttpResponse<String> logIn(String username, String password) {
        get("");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("j_username", username);
        form.put("j_password", password);
        return send(HttpRequest.newBuilder(root.resolve("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
    }

    /** This application's origin ({@code http://host:port}), as a browser sends it in {@code Origin} with a POST. */
    public String origin() {
        return root.getScheme() + "://" + root.getRawAuthority();
    }

    /** {@code path} relative to the application root. */
    public URI resolve(String path) {
        return root.resolve(path);
    }

    /**
     * Any request this visitor builds itself (a multipart upload, a Faces AJAX POST), sent with its cookies and
     * following redirects, with the client's time limit.
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package com.netvizura.license.web;

import com.netvizura.license.web.filter.CrossSitePostFilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SameOriginTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://nv.example.com", "https://nv.example.com:443", "HTTPS://NV.Example.com",
            "https://nv.example.com/netvizura-license/license/license.xhtml?x=1"})
    void matches_ownOriginOrAReferrerOnIt(String value) {
        assertTrue(SameOrigin.matches(value, "https", "nv.example.com", 443), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://nv.example.com", "https://nv.example.com:8443",
            "https://nv.example.com.evil.example", "null", "", "nv.example.com", "/netvizura-license/",
            "javascript:alert(1)", "ftp://nv.example.com", "https://user@evil.example", "::not a url::"})
    void matches_otherOriginsAndNonsense_areNotOurs(String value) {
        assertFalse(SameOrigin.matches(value, "https", "nv.example.com", 443), value);
    }

    @Test
    void matches_plainHttpOnAnOwnPort() {
        assertTrue(SameOrigin.matches("http://127.0.0.1:18080", "http", "127.0.0.1", 18080));
        assertFalse(SameOrigin.matches("http://127.0.0.1", "http", "127.0.0.1", 18080));
    }

    @Test
    void matches_ipv6Literal_withOrWithoutBrackets() {
        assertTrue(SameOrigin.matches("http://[::1]:8080", "http", "[::1]", 8080));
        assertTrue(SameOrigin.matches("http://[::1]:8080", "http", "::1", 8080));
    }

    /**
     * The one rule, as both callers apply it to a POST from an admin to https://nv.example.com: {@code origin} and
     * {@code referer} ("-" for absent) and whether the request counts as coming from this application.
     */
    private static final String CASES = """
            https://nv.example.com | -                                        | true
            -                      | https://nv.example.com/netvizura-license/ | true
            https://nv.example.com | https://evil.example/                    | true
            https://evil.example   | https://nv.example.com/netvizura-license/ | false
            null                   | https://nv.example.com/netvizura-license/ | false
            -                      | https://evil.example/                    | false
            -                      | -                                        | false
            """;

    @Nested
    class CrossSitePostFilterCaller {

        @ParameterizedTest(name = "Origin {0}, Referer {1}: passes {2}")
        @CsvSource(delimiter = '|', textBlock = CASES)
        void post_passesExactlyWhenTheRuleSaysOwnSite(String origin, String referer, boolean own) throws Exception {
            HttpServletRequest request = post(origin, referer);
            AtomicBoolean passed = new AtomicBoolean();
            AtomicInteger error = new AtomicInteger();

            new CrossSitePostFilter().doFilter(request, response(error), (req, res) -> passed.set(true));

            assertEquals(own, passed.get());
            assertEquals(own ? 0 : 403, error.get());
            assertEquals(own, SameOrigin.check(request));
        }

        @Test
        void post_withNeitherHeaderButAViewState_isRefused() throws Exception {
            HttpServletRequest request = post("-", "-", Map.of("jakarta.faces.ViewState", "1:2"));
            AtomicBoolean passed = new AtomicBoolean();
            AtomicInteger error = new AtomicInteger();

            new CrossSitePostFilter().doFilter(request, response(error), (req, res) -> passed.set(true));

            assertFalse(passed.get(), "fails closed: a view state is no proof of origin");
            assertEquals(403, error.get());
        }

        @Test
        void get_passesWithoutHeaders() throws Exception {
            HttpServletRequest request = request("GET", "-", "-", "admin", Map.of());
            AtomicBoolean passed = new AtomicBoolean();

            new CrossSitePostFilter().doFilter(request, response(new AtomicInteger()), (req, res) -> passed.set(true));

            assertTrue(passed.get());
        }
    }

    @Nested
    class AdminGateCaller {

        @ParameterizedTest(name = "Origin {0}, Referer {1}: may change {2}")
        @CsvSource(delimiter = '|', textBlock = CASES)
        void admin_mayChangeExactlyWhenTheRuleSaysOwnSite(String origin, String referer, boolean own) {
            HttpServletRequest request = post(origin, referer);

            assertEquals(own, AdminGate.mayChange(request, "admin"));
            assertEquals(own, SameOrigin.check(request));
        }

        @Test
        void nonAdmin_mayNotChangeEvenFromOwnSite() {
            HttpServletRequest request = request("POST", "https://nv.example.com", "-", "user", Map.of());

            assertFalse(AdminGate.mayChange(request, "admin"));
        }
    }

    private static HttpServletRequest post(String origin, String referer) {
        return post(origin, referer, Map.of());
    }

    private static HttpServletRequest post(String origin, String referer, Map<String, String> parameters) {
        return request("POST", origin, referer, "admin", parameters);
    }

    /**
     * A request to https://nv.example.com:443 as the container hands it over (a fake at the edge): {@code role} is
     * the one role the user {@code role} has; "-" leaves a header out.
     */
    private static HttpServletRequest request(String method, String origin, String referer, String role,
            Map<String, String> parameters) {
        Map<String, String> headers = new HashMap<>();
        if (!origin.equals("-")) {
            headers.put("Origin", origin);
        }
        if (!referer.equals("-")) {
            headers.put("Referer", referer);
        }
        ServletContext context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, m, args) -> null);
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getScheme" -> "https";
                    case "getServerName" -> "nv.example.com";
                    case "getServerPort" -> 443;
                    case "getRemoteUser" -> role;
                    case "isUserInRole" -> role.equals(args[0]);
                    case "getRequestURI" -> "/netvizura-license/license/license.xhtml";
                    case "getRemoteAddr" -> "192.0.2.10";
                    case "getServletContext" -> context;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A response that records the status of {@code sendError}. */
    private static HttpServletResponse response(AtomicInteger error) {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    if (m.getName().equals("sendError")) {
                        error.set((Integer) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}

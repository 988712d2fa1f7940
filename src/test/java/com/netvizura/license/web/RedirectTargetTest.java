package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"//other-host/license/about.xhtml", "//;@other-host:8080/license/about.xhtml",
        "/\\other-host/x", "/\t/other-host/x", "/\n/other-host", " //other-host", "\\\\other-host",
        "http://other-host/", "https:other-host", "javascript:alert(1)", "", "x/y", "/a b", "/a\\b", "/\u00e9",
        "/x\r\nSet-Cookie: a=b"})
    void isLocal_anythingABrowserCouldTakeForAnotherHost_isNotLocal(String url) {
        assertFalse(RedirectTarget.isLocal(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.xhtml", "/netvizura-license/", "/netvizura-license/license/about.xhtml?a=b&c=%2F",
        "/%2F/other-host", "/%5Cother-host", "/;@other-host/x", "/@other-host"})
    void isLocal_pathsOfThisHost_areLocal(String url) {
        assertTrue(RedirectTarget.isLocal(url), url);
    }

    @Test
    void page_atTheRootContext_isThePathEncoded_neverTwoLeadingSlashes() {
        HttpServletRequest request = request("", "/license/about.xhtml", null);

        assertEquals("/license/about.xhtml", RedirectTarget.page(request, "/license/about.xhtml"));
        assertEquals("/", RedirectTarget.page(request, "//other-host/license/about.xhtml"));
        assertEquals("/a%5Cb%09c%20d%25e%3Bf", RedirectTarget.page(request, "/a\\b\tc d%e;f"));
        assertEquals("/%C3%A9t%C3%A9.xhtml", RedirectTarget.page(request, "/\u00e9t\u00e9.xhtml"));
        assertEquals("/", RedirectTarget.page(request, "relative"));
    }

    @Test
    void sameAddress_usesTheApplicationsContextPath_andEncodesWhatAQueryMustNotCarry() {
        HttpServletRequest request = request("/netvizura-license", "/index.xhtml", "tab=1&q=a b\\c%2F");

        assertEquals("/netvizura-license/index.xhtml?tab=1&q=a%20b%5Cc%2F", RedirectTarget.sameAddress(request));
        assertEquals("/netvizura-license/", RedirectTarget.root(request));
    }

    @Test
    void orRoot_foreignTarget_isReplacedByTheRoot() {
        HttpServletRequest request = request("/netvizura-license", "/index.xhtml", null);

        assertEquals("/netvizura-license/", RedirectTarget.orRoot(request, "//other-host/"));
        assertEquals("/netvizura-license/x", RedirectTarget.orRoot(request, "/netvizura-license/x"));
    }

    /** A request of the container as far as RedirectTarget reads it (the edge: the container itself is not tested). */
    private static HttpServletRequest request(String contextPath, String servletPath, String query) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(RedirectTargetTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getContextPath")) {
                        return contextPath;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getServletContext", context);
        answers.put("getServletPath", servletPath);
        answers.put("getPathInfo", null);
        answers.put("getQueryString", query);
        // The raw URI a browser could have sent: RedirectTarget must never use it.
        answers.put("getRequestURI", "//other-host" + servletPath);
        answers.put("getContextPath", "//other-host");
        return (HttpServletRequest) Proxy.newProxyInstance(RedirectTargetTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (answers.containsKey(method.getName())) {
                        return answers.get(method.getName());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

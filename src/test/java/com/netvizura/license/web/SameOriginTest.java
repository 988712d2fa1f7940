package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}

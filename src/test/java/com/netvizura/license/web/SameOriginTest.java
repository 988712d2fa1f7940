package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void normalize_defaultPortsAreSpelledOut_caseIgnored() {
        assertEquals("https://nv.example.com:443", SameOrigin.normalize("HTTPS://NV.example.com"));
        assertEquals("http://nv.example.com:80", SameOrigin.normalize("http://nv.example.com/netvizura/license"));
        assertEquals("http://127.0.0.1:8080", SameOrigin.normalize("http://127.0.0.1:8080/x?y#z"));
    }

    @Test
    void normalize_otherSiteDiffersFromOwn() {
        String own = SameOrigin.origin("http", "127.0.0.1", 8080);
        assertEquals("http://evil.example:80", SameOrigin.normalize("http://evil.example"));
        assertEquals(false, own.equals(SameOrigin.normalize("http://127.0.0.1:8081")), "another port is another site");
        assertEquals(false, own.equals(SameOrigin.normalize("https://127.0.0.1:8080")), "another scheme too");
    }

    @Test
    void normalize_unreadableOrOpaque_isEmptyAndMatchesNothing() {
        assertEquals("", SameOrigin.normalize("not a uri"));
        assertEquals("", SameOrigin.normalize("null"));
        assertEquals("", SameOrigin.normalize("file:///etc/passwd"));
    }

    @Test
    void origin_ipv6HostIsBracketed() {
        assertEquals("http://[::1]:8080", SameOrigin.origin("http", "::1", 8080));
        assertEquals("http://[::1]:8080", SameOrigin.normalize("http://[::1]:8080"));
    }
}

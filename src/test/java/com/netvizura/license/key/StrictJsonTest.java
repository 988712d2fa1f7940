package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The strict JSON reading that Parsson's own reader does not give in one step. */
class StrictJsonTest {

    private static JsonObject parse(String text) throws LicenseKeyException {
        return StrictJson.parseObject(text.getBytes(StandardCharsets.UTF_8), Reason.MALFORMED_PAYLOAD);
    }

    private static void assertRefused(String text) {
        assertEquals(Reason.MALFORMED_PAYLOAD, assertThrows(LicenseKeyException.class, () -> parse(text)).reason(), text);
    }

    @Test
    void parseObject_plainObject_keepsMembersInOrder() throws Exception {
        assertEquals("{\"b\":1,\"a\":[true,null,\"x\"]}", parse(" {\"b\":1,\"a\":[true,null,\"x\"]} \n").toString());
    }

    @Test
    void parseObject_duplicateNameAtAnyDepth_refusedNamingIt() {
        LicenseKeyException top = assertThrows(LicenseKeyException.class, () -> parse("{\"a\":1,\"a\":1}"));
        assertEquals("a", top.subject().orElseThrow());
        assertRefused("{\"x\":[{\"b\":1,\"b\":2}]}");
    }

    @Test
    void parseObject_textAfterTheObject_refused() {
        assertRefused("{\"a\":1} {}");
        assertRefused("{\"a\":1} x");
        assertRefused("{\"a\":1}]");
    }

    @Test
    void parseObject_notAnObject_refused() {
        assertRefused("[]");
        assertRefused("\"text\"");
        assertRefused("");
        assertRefused("{\"a\":");
    }

    @Test
    void parseObject_nesting_acceptedUpToTheLimitRefusedBeyond() throws Exception {
        int inner = StrictJson.MAX_DEPTH - 1;
        parse("{\"a\":" + "[".repeat(inner) + "]".repeat(inner) + "}");

        assertRefused("{\"a\":" + "[".repeat(inner + 1) + "]".repeat(inner + 1) + "}");
        assertRefused("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
    }

    @Test
    void parseObject_hugeExponent_keptAsTextWithoutExpandingIt() throws Exception {
        JsonObject o = assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> parse("{\"n\":1e999999999}"));

        assertEquals("1E+999999999", ((JsonNumber) o.get("n")).toString());
    }
}

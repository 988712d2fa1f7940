package com.netvizura.license.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogValueTest {

    @Test
    void of_plainValue_isBracketed() {
        assertEquals("[/license/license.xhtml]", LogValue.of("/license/license.xhtml"));
        assertEquals("[]", LogValue.of(""));
        assertEquals("[null]", LogValue.of(null));
    }

    @Test
    void of_forgedLogLine_staysOnOneLine() {
        String forged = "/x\r\n03-Dec-2026 10:00:00.000 INFO [main] NetVizura License applied NVZ-2026-000001";

        String logged = LogValue.of(forged);

        assertEquals("[/x\\u000D\\u000A03-Dec-2026 10:00:00.000 INFO [main] NetVizura License applied "
                + "NVZ-2026-000001]", logged);
    }

    @ParameterizedTest
    @ValueSource(chars = {'\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\u202a',
            '\u202e', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c'})
    void of_lineBreakingOrReorderingCharacter_isEscaped(char c) {
        String logged = LogValue.of("a" + c + "b");

        assertFalse(logged.indexOf(c) >= 0, logged);
        assertEquals("[a" + String.format("\\u%04X", (int) c) + "b]", logged);
    }

    @Test
    void of_longValue_isCutAndCounted() {
        String logged = LogValue.of("x".repeat(LogValue.MAX_LENGTH + 10));

        assertTrue(logged.startsWith("[" + "x".repeat(LogValue.MAX_LENGTH) + "]"), logged);
        assertTrue(logged.endsWith("(+10 more characters)"), logged);
    }

    @Test
    void of_otherUnicode_isKept() {
        assertEquals("[Acme d.o.o. Ljubljana – Šiška 日本]", LogValue.of("Acme d.o.o. Ljubljana – Šiška 日本"));
    }
}

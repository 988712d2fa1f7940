package com.netvizura.license.web.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What {@code PUT /api/license/usage} takes as a report, and the sentence of what it refuses. */
class UsageReportTest {

    @Test
    void objectOfNamesToWholeNumbers_isTaken_inItsOrder() throws Exception {
        Map<String, Long> counts = UsageApiServlet.counts(" {\"devices\": 87, \"flow_exporters\":0, \"x9\":"
                + Long.MAX_VALUE + "} ");

        assertEquals(new LinkedHashMap<>(Map.of("devices", 87L, "flow_exporters", 0L, "x9", Long.MAX_VALUE)), counts);
    }

    @Test
    void emptyObject_isAReportOfNothing() throws Exception {
        assertTrue(UsageApiServlet.counts("{}").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "87", "[{\"devices\":87}]", "\"devices\"", "null", "{\"devices\":87",
        "{\"devices\":87}{}", "{\"devices\":87} x", "{devices:87}", "{\"devices\":\"87\"}", "{\"devices\":87.5}",
        "{\"devices\":1e400}", "{\"devices\":-1}", "{\"devices\":9223372036854775808}", "{\"devices\":null}",
        "{\"devices\":{\"a\":1}}", "{\"Devices\":1}", "{\"1devices\":1}", "{\"dev-ices\":1}", "{\"\":1}",
        "{\"devices\":1,\"devices\":2}",
        "{\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\":1}"})
    void anythingElse_isRefused_withASentence(String body) {
        UsageApiServlet.Refused refused = assertThrows(UsageApiServlet.Refused.class,
                () -> UsageApiServlet.counts(body));

        assertTrue(refused.getMessage().endsWith("kept."), refused.getMessage());
    }

    @Test
    void moreThan64Names_isRefused() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 65; i++) {
            body.append(i == 0 ? "" : ",").append("\"n").append(i).append("\":1");
        }
        UsageApiServlet.Refused refused = assertThrows(UsageApiServlet.Refused.class,
                () -> UsageApiServlet.counts(body.append('}').toString()));

        assertAll(() -> assertTrue(refused.getMessage().contains("at most 64"), refused.getMessage()));
    }
}

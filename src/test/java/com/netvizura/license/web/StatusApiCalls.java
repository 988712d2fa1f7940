package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.Poll;
import com.netvizura.license.it.Promtool;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.Settings;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** What the status API ITs share: the token they deploy with, and reading and checking answers. */
final class StatusApiCalls {

    /** The apiToken of the API ITs' deployments (test-only, like the test users' passwords). */
    static final String TOKEN = "it-token-0123456789abcdef";
    static final String[] BEARER = {"Authorization", "Bearer " + TOKEN};
    static final Map<String, String> TOKEN_SETTING = Map.of(Settings.API_TOKEN, TOKEN);

    private static final JsonProvider JSON = JsonProvider.provider();

    private StatusApiCalls() {
    }

    /** GET of the JSON with the token; fails unless it is a 200 JSON answer that no cache keeps. */
    static JsonObject status(WebClient client) {
        HttpResponse<String> answer = client.getNoFollow("api/license", BEARER);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                answer.headers().toString());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        return json(answer.body());
    }

    static JsonObject json(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** GET of the metrics with the token, checked by promtool; returns the exposition. */
    static String checkedMetrics(WebClient client) {
        HttpResponse<String> answer = client.getNoFollow("api/license/metrics", BEARER);
        assertEquals(200, answer.statusCode(), answer.body());
        String type = answer.headers().firstValue("Content-Type").orElse("").replace(" ", "");
        assertTrue(type.startsWith("text/plain;version=0.0.4"), "the Prometheus text format: " + type);
        Promtool.Result check = Promtool.checkMetrics(answer.body());
        assertTrue(check.ok(), "promtool check metrics: " + check.output() + "\n" + answer.body());
        return answer.body();
    }

    /** The status JSON once its status is {@code expected}, asked every 200 ms for up to 10 s. */
    static JsonObject awaitStatus(WebClient client, String expected) {
        JsonObject last = Poll.lastAnswer(Duration.ofSeconds(10), Duration.ofMillis(200), () -> status(client),
                answer -> expected.equals(answer.getString("status")));
        if (!expected.equals(last.getString("status"))) {
            throw new AssertionError("status never became " + expected + ": " + last);
        }
        return last;
    }
}

package com.netvizura.license.web;

import static com.netvizura.license.web.StatusApiCalls.BEARER;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The status API and the metrics of the standalone WAR on Tomcat, as a monitoring system and a browser reach them:
 * who gets an answer, what it says for a valid license and one in grace, and that promtool accepts the metrics of a
 * licensee whose name needs escaping. The WAR is deployed with {@code netvizura.license.apiToken}. One test
 * changes the license (to one in grace, for the same licensee); the others hold for both.
 */
class StatusApiIT extends NetVizuraIT {

    private static final String ID = "NVZ-IT-STATUSAPI";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(StatusApiIT.class, TestLicenses.perpetual(ID, TestLicenses.AWKWARD_LICENSEE,
                TestLicenses.thisMachineCode(), LocalDate.now().plusDays(365)), StatusApiCalls.TOKEN_SETTING);
    }

    @Test
    @Tag(SMOKE)
    void anonymousViewerAndWrongToken_get401WithBearerChallenge_onBothPaths() {
        WebClient anonymous = new WebClient(url(""));
        WebClient viewer = new WebClient(url(""));
        viewer.logIn(TestUser.USER);

        for (String path : List.of("api/license", "api/license/metrics")) {
            HttpResponse<String> byAnonymous = anonymous.getNoFollow(path);
            HttpResponse<String> byViewer = viewer.getNoFollow(path);
            HttpResponse<String> wrongToken = anonymous.getNoFollow(path, "Authorization", "Bearer not-the-token-at-all");
            HttpResponse<String> tokenOfOtherScheme = anonymous.getNoFollow(path, "Authorization",
                    "Basic " + StatusApiCalls.TOKEN);
            assertAll(path,
                    () -> assertUnauthorized(byAnonymous, "Bearer realm=\"NetVizura License\""),
                    () -> assertUnauthorized(byViewer, "Bearer realm=\"NetVizura License\""),
                    () -> assertUnauthorized(wrongToken,
                            "Bearer realm=\"NetVizura License\", error=\"invalid_token\""),
                    () -> assertUnauthorized(tokenOfOtherScheme, "Bearer realm=\"NetVizura License\""),
                    () -> assertTrue(!byAnonymous.body().contains(ID) && !wrongToken.body().contains(ID),
                            "nothing of the license in a refusal"));
        }
    }

    @Test
    @Tag(SMOKE)
    void adminSessionAndRightToken_get200_withoutLoginRedirect() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        WebClient monitoring = new WebClient(url(""));

        HttpResponse<String> byAdmin = admin.getNoFollow("api/license");
        HttpResponse<String> byToken = monitoring.getNoFollow("api/license", BEARER);
        HttpResponse<String> byLowerCaseScheme = monitoring.getNoFollow("api/license/metrics", "Authorization",
                "bearer " + StatusApiCalls.TOKEN);
        HttpResponse<String> metricsByAdmin = admin.getNoFollow("api/license/metrics");

        assertAll(
                () -> assertEquals(200, byAdmin.statusCode(), byAdmin.body()),
                () -> assertEquals(TestLicenses.AWKWARD_LICENSEE,
                        StatusApiCalls.json(byAdmin.body()).getString("licensee")),
                () -> assertEquals(200, byToken.statusCode(), byToken.body()),
                () -> assertEquals(TestLicenses.AWKWARD_LICENSEE,
                        StatusApiCalls.json(byToken.body()).getString("licensee")),
                () -> assertTrue(byToken.headers().firstValue("Set-Cookie").isEmpty(), "a token call makes no session"),
                () -> assertEquals(200, byLowerCaseScheme.statusCode(), byLowerCaseScheme.body()),
                () -> assertEquals(200, metricsByAdmin.statusCode(), metricsByAdmin.body()));
    }

    @Test
    void head_answersTheHeadersOfGet_withoutBody() {
        WebClient monitoring = new WebClient(url(""));

        for (String path : List.of("api/license", "api/license/metrics")) {
            HttpResponse<String> get = monitoring.getNoFollow(path, BEARER);
            HttpResponse<String> head = monitoring.requestNoFollow("HEAD", path, BEARER);
            HttpResponse<String> anonymousHead = monitoring.requestNoFollow("HEAD", path);
            assertAll(path,
                    () -> assertEquals(200, head.statusCode()),
                    () -> assertEquals("", head.body()),
                    () -> assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type")),
                    () -> assertEquals("no-store", head.headers().firstValue("Cache-Control").orElse("")),
                    () -> assertTrue(head.headers().firstValueAsLong("Content-Length").orElse(0) > 0,
                            head.headers().toString()),
                    () -> assertEquals(401, anonymousHead.statusCode()));
        }
    }

    @Test
    void otherMethods_get405WithAllow() {
        WebClient monitoring = new WebClient(url(""));

        for (String method : List.of("POST", "DELETE", "OPTIONS")) {
            HttpResponse<String> answer = monitoring.requestNoFollow(method, "api/license", BEARER);
            assertAll(method,
                    () -> assertEquals(405, answer.statusCode(), answer.body()),
                    () -> assertEquals("GET, HEAD, PUT", answer.headers().firstValue("Allow").orElse("")),
                    () -> assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse("")));
        }
    }

    @Test
    void metrics_passPromtool_withTheLicenseeEscaped_andOpenMetricsWhenAsked() {
        WebClient monitoring = new WebClient(url(""));

        String metrics = StatusApiCalls.checkedMetrics(monitoring);
        HttpResponse<String> openMetrics = monitoring.getNoFollow("api/license/metrics", "Authorization",
                BEARER[1], "Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

        assertAll(
                () -> assertTrue(metrics.contains("licensee=\"Quote \\\"Q\\\" Back\\\\slash Müller & Söhne Ltd\""), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_operational 1.0"), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_machine_match 1.0"), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_expiry_timestamp_seconds{kind=\"maintenance\"}"),
                        metrics),
                () -> assertEquals(200, openMetrics.statusCode()),
                () -> assertTrue(openMetrics.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/openmetrics-text"), openMetrics.headers().toString()),
                () -> assertTrue(openMetrics.body().endsWith("# EOF\n"), openMetrics.body()));
    }

    @Test
    void json_forAValidLicense_thenInGrace_andAStaleAdminSessionStillGetsJson() throws Exception {
        WebClient monitoring = new WebClient(url(""));
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        JsonObject valid = StatusApiCalls.status(monitoring);
        String validMetrics = StatusApiCalls.checkedMetrics(monitoring);
        Instant before = Instant.parse(valid.getString("checkedAt"));
        assertAll("valid",
                () -> assertEquals("VALID", valid.getString("status")),
                () -> assertTrue(valid.getBoolean("operational")),
                () -> assertEquals("OK", valid.getString("severity")),
                () -> assertTrue(valid.getString("explanation").contains("perpetual license " + ID),
                        valid.getString("explanation")),
                () -> assertEquals(TestLicenses.AWKWARD_LICENSEE, valid.getString("licensee")),
                () -> assertEquals("perpetual", valid.getString("type")),
                () -> assertEquals(List.of("netflow", "eventlog"),
                        valid.getJsonArray("modules").getValuesAs(jakarta.json.JsonString::getString)),
                () -> assertEquals(100, valid.getJsonObject("limits").getInt("devices")),
                () -> assertEquals(LocalDate.now().plusDays(365).toString(), valid.getString("maintenanceUntil")),
                () -> assertEquals(JsonValue.NULL, valid.get("usageUntil")),
                () -> assertEquals(JsonValue.NULL, valid.get("graceUntil")),
                () -> assertEquals(365, valid.getInt("daysUntilMaintenanceEnds")),
                () -> assertEquals(JsonValue.NULL, valid.get("daysUntilUsageEnds")),
                () -> assertEquals(TestLicenses.thisMachineCode(), valid.getString("installationCode")),
                () -> assertTrue(valid.getBoolean("machineMatches")),
                () -> assertEquals(0, valid.getInt("epoch")),
                () -> assertTrue(!validMetrics.contains("kind=\"usage\"") && !validMetrics.contains("kind=\"grace\""),
                        "a perpetual license has no usage end: " + validMetrics));

        OtherNode.on(dataHome()).apply(TestLicenses.inGrace("NVZ-IT-GRACE", TestLicenses.AWKWARD_LICENSEE));
        JsonObject grace = StatusApiCalls.awaitStatus(monitoring, "GRACE");
        HttpResponse<String> staleAdmin = admin.getNoFollow("api/license");
        HttpResponse<String> afterReset = admin.getNoFollow("api/license");
        String graceMetrics = StatusApiCalls.checkedMetrics(monitoring);

        assertAll("grace",
                () -> assertTrue(grace.getBoolean("operational")),
                () -> assertEquals("WARNING", grace.getString("severity")),
                () -> assertEquals("NVZ-IT-GRACE", grace.getString("licenseId")),
                () -> assertEquals("subscription", grace.getString("type")),
                () -> assertEquals(LocalDate.now().minusDays(3).toString(), grace.getString("usageUntil")),
                () -> assertEquals(LocalDate.now().plusDays(11).toString(), grace.getString("graceUntil")),
                () -> assertEquals(-3, grace.getInt("daysUntilUsageEnds")),
                () -> assertEquals(1, grace.getInt("epoch")),
                () -> assertTrue(!Instant.parse(grace.getString("checkedAt")).isBefore(before)),
                () -> assertEquals(200, staleAdmin.statusCode(), "a stale session gets data, no login redirect"),
                () -> assertEquals("GRACE", StatusApiCalls.json(staleAdmin.body()).getString("status")),
                () -> assertEquals(401, afterReset.statusCode(), "that session has ended"),
                () -> assertTrue(graceMetrics.contains("status=\"GRACE\""), graceMetrics),
                () -> assertTrue(graceMetrics.contains("kind=\"usage\"") && graceMetrics.contains("kind=\"grace\""),
                        graceMetrics),
                () -> assertTrue(graceMetrics.contains("netvizura_license_changes_total 1.0"), graceMetrics));
    }

    private static void assertUnauthorized(HttpResponse<String> answer, String challenge) {
        assertAll(
                () -> assertEquals(401, answer.statusCode(), answer.body()),
                () -> assertEquals(challenge, answer.headers().firstValue("WWW-Authenticate").orElse("")),
                () -> assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse("")),
                () -> assertEquals("unauthorized", StatusApiCalls.json(answer.body()).getString("error")));
    }
}

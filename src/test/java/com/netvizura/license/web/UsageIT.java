package com.netvizura.license.web;

import static com.netvizura.license.web.StatusApiCalls.BEARER;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.Settings;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage against limits on Tomcat (DESIGN.md section 11), as a collector, monitoring and an admin meet it: who may
 * report, what is refused, the status member, the metrics (checked by promtool), the license notice at 95 % for an
 * admin only, the details line and the CSV. The license limits 100 devices. The data directory starts with a
 * {@code usage.csv} whose peak of 99 two days ago was written before this start, as a restart would leave it.
 */
class UsageIT extends NetVizuraIT {

    static final String ADMIN_TOKEN = "it-admin-token-fedcba9876543210";
    static final String[] ADMIN_BEARER = {"Authorization", "Bearer " + ADMIN_TOKEN};
    private static final String JSON = "application/json";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        WebArchive war = builtWar(UsageIT.class, TestLicenses.valid("NVZ-IT-USAGE", TestLicenses.IT_LICENSEE),
                Map.of(Settings.API_TOKEN, StatusApiCalls.TOKEN, Settings.API_ADMIN_TOKEN, ADMIN_TOKEN));
        try {
            Files.writeString(dataHome(UsageIT.class).resolve("license").resolve("usage.csv"),
                    "date,name,peak,limit\n" + LocalDate.now().minusDays(2) + ",devices,99,100\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return war;
    }

    @BeforeEach
    void adminHasSeenTheDashboard() {
        // The shell's stand-in device list reports its own count when an admin first opens the dashboard: let that
        // happen before the test's reports, so it cannot overwrite them.
        new WebClient(url("")).logIn(TestUser.ADMIN);
    }

    private HttpResponse<String> put(WebClient client, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = JSON;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.sendNoFollow("PUT", "api/license/usage", body, all);
    }

    /** Reports {@code count} devices with the admin token, then waits for the status API to show it. */
    private JsonObject report(long count) throws InterruptedException {
        WebClient collector = new WebClient(url(""));
        HttpResponse<String> answer = put(collector, "{\"devices\":" + count + "}", ADMIN_BEARER);
        assertEquals(204, answer.statusCode(), answer.body());
        JsonObject devices = null;
        for (int i = 0; i < 50; i++) {
            JsonObject usage = StatusApiCalls.status(collector).getJsonObject("usage");
            devices = usage.getJsonObject("devices");
            if (devices != null && devices.getJsonNumber("inUse").longValue() == count) {
                return devices;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the status API never showed " + count + " devices: " + devices);
    }

    @Test
    void adminToken_reports204_readTokenNoTokenAndSessions_get401() throws Exception {
        WebClient anonymous = new WebClient(url(""));
        WebClient viewer = new WebClient(url(""));
        viewer.logIn(TestUser.USER);
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> byAdminToken = put(anonymous, "{\"devices\":88}", ADMIN_BEARER);
        HttpResponse<String> byReadToken = put(anonymous, "{\"devices\":1}", BEARER);
        HttpResponse<String> byNobody = put(anonymous, "{\"devices\":1}");
        HttpResponse<String> byViewer = put(viewer, "{\"devices\":1}");
        HttpResponse<String> byAdminSession = put(admin, "{\"devices\":1}");
        HttpResponse<String> get = anonymous.getNoFollow("api/license/usage", ADMIN_BEARER);

        assertAll(
                () -> assertEquals(204, byAdminToken.statusCode(), byAdminToken.body()),
                () -> assertEquals(401, byReadToken.statusCode(), byReadToken.body()),
                () -> assertTrue(byReadToken.headers().firstValue("WWW-Authenticate").orElse("")
                        .contains("invalid_token")),
                () -> assertEquals(401, byNobody.statusCode(), byNobody.body()),
                () -> assertTrue(byNobody.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")),
                () -> assertEquals(401, byViewer.statusCode(), byViewer.body()),
                () -> assertEquals(401, byAdminSession.statusCode(), "a session never writes: " + byAdminSession.body()),
                () -> assertEquals(405, get.statusCode()),
                () -> assertEquals("PUT", get.headers().firstValue("Allow").orElse("")),
                () -> assertEquals(88, report(88).getJsonNumber("inUse").longValue(), "none of the refused kept"));
    }

    @Test
    void badReports_get400WithASentence_andNothingOfThemIsKept() throws Exception {
        report(80);
        WebClient collector = new WebClient(url(""));

        Map<String, String> bodies = Map.of(
                "not an object", "[{\"devices\":5}]",
                "a fraction", "{\"devices\":5,\"probes\":1.5}",
                "a negative count", "{\"probes\":2,\"devices\":-5}",
                "a bad name", "{\"devices\":5,\"Probes\":2}",
                "not JSON", "devices=5",
                "too large", "{\"devices\":5,\"pad\":" + "1".repeat(5000) + "}");
        for (Map.Entry<String, String> bad : bodies.entrySet()) {
            HttpResponse<String> answer = put(collector, bad.getValue(), ADMIN_BEARER);
            assertAll(bad.getKey(),
                    () -> assertEquals(400, answer.statusCode(), answer.body()),
                    () -> assertTrue(StatusApiCalls.json(answer.body()).getString("message").contains("kept"),
                            answer.body()));
        }
        Thread.sleep(1500); // a tick of the meter: what was kept would show now
        JsonObject usage = StatusApiCalls.status(collector).getJsonObject("usage");

        assertAll(
                () -> assertEquals(80, usage.getJsonObject("devices").getJsonNumber("inUse").longValue()),
                () -> assertFalse(usage.containsKey("probes"), usage.toString()));
    }

    @Test
    void statusMember_showsCountLimitPeakAndTime_thePeakFromBeforeTheStart() throws Exception {
        JsonObject devices = report(87);

        assertAll(
                () -> assertEquals(87, devices.getJsonNumber("inUse").longValue()),
                () -> assertEquals(100, devices.getJsonNumber("limit").longValue()),
                () -> assertEquals(99, devices.getJsonNumber("peak30d").longValue(), "the peak usage.csv kept"),
                () -> assertFalse(devices.getString("reportedAt").isEmpty()),
                () -> assertTrue(devices.isNull("overSince")));
    }

    @Test
    void metrics_carryUsageAndLimit_andPassPromtool() throws Exception {
        report(91);

        String metrics = StatusApiCalls.checkedMetrics(new WebClient(url("")));

        assertAll(
                () -> assertTrue(metrics.contains("netvizura_license_usage{name=\"devices\"} 91.0"), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_limit{name=\"devices\"} 100.0"), metrics));
    }

    @Test
    void noticeAt95Percent_speaksToAdmins_notToViewers() throws Exception {
        report(95);
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        WebClient viewer = new WebClient(url(""));
        viewer.logIn(TestUser.USER);

        String adminPage = admin.get("").body();
        String viewerPage = viewer.get("").body();

        assertAll(
                () -> assertTrue(adminPage.contains("id=\"nvlLicenseNotice\"") && adminPage.contains(
                        "95 of 100 devices in use."), adminPage),
                () -> assertFalse(viewerPage.contains("nvlLicenseNotice"), viewerPage));
    }

    @Test
    void detailsLineCsvAndUsageSection_tellTheAdmin() throws Exception {
        report(93);
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        WebClient viewer = new WebClient(url(""));
        viewer.logIn(TestUser.USER);

        String details = admin.get("license/details.txt").body();
        HttpResponse<String> csv = admin.get("license/usage.csv");
        String page = admin.get("license/license.xhtml").body();

        assertAll(
                () -> assertTrue(details.contains("\r\nUsage devices: 93 of 100, 30-day peak 99\r\n"), details),
                () -> assertTrue(page.contains("Usage devices: 93 of 100, 30-day peak 99"), "the page's details"),
                () -> assertTrue(page.contains("93 of 100 devices in use (93 %)"), page),
                () -> assertTrue(page.contains("30-day peak: 99"), page),
                () -> assertTrue(page.contains("<svg") && page.contains("role=\"img\""), page),
                () -> assertEquals(200, csv.statusCode()),
                () -> assertTrue(csv.body().startsWith("date,name,peak,limit\r\n"), csv.body()),
                () -> assertTrue(csv.body().contains(LocalDate.now().minusDays(2) + ",devices,99,100"), csv.body()),
                () -> assertTrue(csv.body().contains(LocalDate.now() + ",devices,"), csv.body()),
                () -> assertEquals(403, viewer.getNoFollow("license/usage.csv").statusCode()));
    }
}

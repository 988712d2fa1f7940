package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The status API of a server without a license, with the license guard on: monitoring still gets the status (the
 * guard sends pages to the License page, never the API), with every license member {@code null}. The deployment
 * has no {@code notifyEmail}, so its License page also shows how to turn reminder mail on.
 */
class StatusApiUnlicensedIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(StatusApiUnlicensedIT.class, InitialLicense.NONE, StatusApiCalls.TOKEN_SETTING);
    }

    @Test
    void json_noLicense_saysSo_withTheLicenseMembersNull() {
        JsonObject json = StatusApiCalls.status(new WebClient(url("")));

        assertAll(
                () -> assertEquals("NO_LICENSE", json.getString("status")),
                () -> assertFalse(json.getBoolean("operational")),
                () -> assertEquals("ERROR", json.getString("severity")),
                () -> assertTrue(json.getString("explanation").startsWith("NetVizura needs a license key to run."),
                        json.getString("explanation")),
                () -> assertEquals(TestLicenses.thisMachineCode(), json.getString("installationCode")),
                () -> assertEquals(0, json.getInt("epoch")),
                () -> assertTrue(json.containsKey("checkedAt")));
        for (String member : List.of("licenseId", "licensee", "type", "modules", "limits", "maintenanceUntil",
                "usageUntil", "graceUntil", "daysUntilMaintenanceEnds", "daysUntilUsageEnds", "machineMatches")) {
            assertEquals(JsonValue.NULL, json.get(member), member + " in " + json);
        }
    }

    @Test
    void adminSession_whileTheGuardSendsPagesToTheLicensePage_getsTheJson() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> dashboard = admin.getNoFollow("index.xhtml");
        HttpResponse<String> api = admin.getNoFollow("api/license");

        assertEquals(302, dashboard.statusCode(), "the guard is on");
        assertEquals(200, api.statusCode(), api.body());
        assertEquals("NO_LICENSE", StatusApiCalls.json(api.body()).getString("status"));
    }

    @Test
    void licensePage_withoutNotifyEmail_saysHowToTurnRemindersOn() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        String page = admin.get("license/license.xhtml").body();

        assertTrue(page.contains("Reminder mail is off. To get mail before the license ends, set "
                + "netvizura.license.notifyEmail to one or more addresses"), page);
        assertFalse(page.contains("id=\"reminderLastSent\""), page);
    }

    @Test
    void metrics_noLicense_passPromtool_operational0_noEnds() {
        String metrics = StatusApiCalls.checkedMetrics(new WebClient(url("")));

        assertAll(
                () -> assertTrue(metrics.contains("netvizura_license_operational 0.0"), metrics),
                () -> assertTrue(metrics.contains("status=\"NO_LICENSE\""), metrics),
                () -> assertFalse(metrics.contains("netvizura_license_expiry_timestamp_seconds{"), metrics),
                () -> assertFalse(metrics.contains("netvizura_license_machine_match"), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_changes_total 0.0"), metrics),
                () -> assertTrue(metrics.contains("netvizura_license_refused_total 0.0"), metrics));
    }
}

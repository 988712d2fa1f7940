package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A server restored onto other hardware whose key gives 14 days of hardware grace (DESIGN.md section 13): NetVizura
 * keeps running, the status API and metrics say until when, admins see the notice and the License page's sentence,
 * users who are not admins see nothing of it, and the first day is recorded in {@code state.properties}.
 */
class HardwareGraceIT extends NetVizuraIT {

    private static final String ID = "NVZ-IT-HWGRACE";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(HardwareGraceIT.class, TestLicenses.forOtherMachineWithHardwareGrace(ID, 14),
                StatusApiCalls.TOKEN_SETTING);
    }

    @Test
    void statusApi_hardwareGrace_operationalWarningUntilTheFirstDayPlus14() {
        JsonObject json = StatusApiCalls.status(new WebClient(url("")));

        assertAll(
                () -> assertEquals("HARDWARE_GRACE", json.getString("status")),
                () -> assertTrue(json.getBoolean("operational")),
                () -> assertEquals("WARNING", json.getString("severity")),
                () -> assertEquals(LocalDate.now().plusDays(14).toString(), json.getString("hardwareGraceUntil")),
                () -> assertFalse(json.getBoolean("machineMatches")),
                () -> assertEquals(ID, json.getString("licenseId")),
                () -> assertTrue(json.getString("explanation").contains("keeps running in hardware grace"),
                        json.getString("explanation")));
    }

    @Test
    void metrics_kindHardwareGrace_andOperational() {
        String metrics = StatusApiCalls.checkedMetrics(new WebClient(url("")));

        assertTrue(metrics.contains("netvizura_license_expiry_timestamp_seconds{kind=\"hardware_grace\"}"), metrics);
        assertTrue(metrics.contains("netvizura_license_operational 1.0"), metrics);
    }

    @Test
    void admin_seesTheNoticeThatCannotBeDismissed_andTheLicensePageSentenceWithSend() {
        WebClient admin = new WebClient(url(""));
        HttpResponse<String> dashboard = admin.logIn(TestUser.ADMIN);
        HttpResponse<String> license = admin.get("license/license.xhtml");

        assertAll(
                () -> assertTrue(dashboard.body().contains("nvlLicenseNotice"), dashboard.body()),
                () -> assertTrue(dashboard.body().contains("runs in hardware grace until"), dashboard.body()),
                () -> assertFalse(dashboard.body().contains("nvl-notice-dismiss"), "not dismissable"),
                () -> assertTrue(license.body().contains(">Hardware grace<"), license.body()),
                () -> assertTrue(license.body().contains("id=\"changedComponents\""), license.body()),
                () -> assertTrue(license.body().contains("Last day of the hardware grace:"), license.body()),
                () -> assertTrue(license.body().contains("hardwareGraceSend"), "Send right there"),
                () -> assertTrue(license.body().contains("Hardware changed since the key was issued: "),
                        "the License Details tell the vendor"));
    }

    @Test
    void viewer_seesNoNotice_andWorksNormally() {
        WebClient viewer = new WebClient(url(""));
        HttpResponse<String> dashboard = viewer.logIn(TestUser.USER);

        assertAll(
                () -> assertTrue(dashboard.body().contains("id=\"pageTitle\">Dashboard"), dashboard.body()),
                () -> assertFalse(dashboard.body().contains("nvlLicenseNotice"), "no notice for a viewer"));
    }

    @Test
    void theFirstDay_isRecordedInTheDataDirectory() throws Exception {
        String state = Files.readString(dataHome(HardwareGraceIT.class).resolve("license/state.properties"));

        assertTrue(state.contains("hardwareGrace." + ID + ".firstMismatch=" + LocalDate.now()), state);
    }
}

package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.WebClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The status API of a server whose key belongs to another machine (moved to new hardware). */
class StatusApiOtherMachineIT extends NetVizuraIT {

    private static final String ID = "NVZ-IT-MOVED-API";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(StatusApiOtherMachineIT.class, TestLicenses.forOtherMachine(ID), StatusApiCalls.TOKEN_SETTING);
    }

    @Test
    void json_otherMachine_notOperational_machineDoesNotMatch() {
        JsonObject json = StatusApiCalls.status(new WebClient(url("")));

        assertAll(
                () -> assertEquals("OTHER_MACHINE", json.getString("status")),
                () -> assertFalse(json.getBoolean("operational")),
                () -> assertEquals("ERROR", json.getString("severity")),
                () -> assertTrue(json.getString("explanation").startsWith("This license key belongs to another server"),
                        json.getString("explanation")),
                () -> assertEquals(ID, json.getString("licenseId")),
                () -> assertEquals("Other Machine Ltd", json.getString("licensee")),
                () -> assertFalse(json.getBoolean("machineMatches")),
                () -> assertTrue(json.isNull("hardwareGraceUntil"), "a key without hardware_grace_days gives none"),
                () -> assertEquals(TestLicenses.thisMachineCode(), json.getString("installationCode")));
    }

    @Test
    void metrics_otherMachine_machineMatch0_passPromtool() {
        String metrics = StatusApiCalls.checkedMetrics(new WebClient(url("")));

        assertTrue(metrics.contains("netvizura_license_machine_match 0.0"), metrics);
        assertTrue(metrics.contains("netvizura_license_operational 0.0"), metrics);
        assertTrue(metrics.contains("status=\"OTHER_MACHINE\""), metrics);
    }
}

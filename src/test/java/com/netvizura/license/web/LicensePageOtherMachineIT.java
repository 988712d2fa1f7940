package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A server whose active key belongs to another machine (moved to new hardware): the License page says so in the
 * error colour and names the components that changed.
 */
class LicensePageOtherMachineIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicensePageOtherMachineIT.class, TestLicenses.forOtherMachine("NVZ-2026-MOVED1"), Map.of());
    }

    @Test
    void admin_licensePage_saysOtherServer_andWhichComponentsChanged() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> page = admin.get("license/license.xhtml");

        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(page.body().contains("nvl-sev-error"), "the status in the error colour"),
                () -> assertTrue(page.body().contains(">Bound to another server<"), page.body()),
                () -> assertTrue(page.body().contains("id=\"changedComponents\""), page.body()),
                () -> assertTrue(page.body().contains("changed since the key was issued"), page.body()),
                () -> assertTrue(page.body().contains("NVZ-2026-MOVED1"), "the license is still shown"));
    }
}

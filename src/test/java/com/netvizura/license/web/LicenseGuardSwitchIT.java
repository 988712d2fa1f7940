package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.Settings;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** With {@code netvizura.license.guard=false} nothing is redirected, even without a license. */
class LicenseGuardSwitchIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicenseGuardSwitchIT.class, InitialLicense.NONE, Map.of(Settings.GUARD, "false"));
    }

    @Test
    void guardOff_noLicense_usersAndAdminsUseNetVizura() {
        for (TestUser who : TestUser.values()) {
            WebClient client = new WebClient(url(""));
            client.logIn(who);

            HttpResponse<String> page = client.getNoFollow("index.xhtml");

            assertEquals(200, page.statusCode(), who + " " + page.headers());
            assertTrue(page.body().contains("NetVizura dashboard placeholder"), page.body());
        }
    }
}

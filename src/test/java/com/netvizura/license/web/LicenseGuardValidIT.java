package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** With a valid license the guard redirects nobody; the license-required page says the license is in order. */
class LicenseGuardValidIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicenseGuardValidIT.class, InitialLicense.VALID);
    }

    @Test
    void validLicense_nobodyIsRedirected() {
        for (TestUser who : TestUser.values()) {
            WebClient client = new WebClient(url(""));
            client.logIn(who);

            HttpResponse<String> page = client.getNoFollow("index.xhtml");

            assertEquals(200, page.statusCode(), who + " " + page.headers());
            assertTrue(page.body().contains("NetVizura dashboard placeholder"), page.body());
        }
    }

    @Test
    void validLicense_requiredPage_saysInOrderAndLeadsBack() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        HttpResponse<String> page = user.getNoFollow("license/required.xhtml");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("The license is in order again."), page.body());
        assertTrue(page.body().contains("id=\"backToApplication\""), page.body());
    }
}

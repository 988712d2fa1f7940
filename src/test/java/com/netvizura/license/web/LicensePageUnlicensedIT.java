package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** A server without a license: the License page says so and offers what the admin needs to get one. */
class LicensePageUnlicensedIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicensePageUnlicensedIT.class, InitialLicense.NONE);
    }

    @Test
    void admin_licensePage_saysNoLicense_offersSendAndUpload_noTimeline() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> page = admin.get("license/license.xhtml");

        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(page.body().contains("nvl-sev-error"), "the status in the error colour"),
                () -> assertTrue(page.body().contains(">No license<"), page.body()),
                () -> assertTrue(page.body().contains("NetVizura needs a license key to run"), page.body()),
                () -> assertTrue(page.body().contains("Current license: none"), "the details say so too"),
                () -> assertTrue(page.body().contains("id=\"sendLink\""), "Send"),
                () -> assertTrue(page.body().contains("id=\"sendForm:uploadButton\""), "Upload"),
                () -> assertFalse(page.body().contains("id=\"timeline\""), "no timeline without a license"),
                () -> assertTrue(page.body().contains("No previous license keys."), "empty history"));
    }
}

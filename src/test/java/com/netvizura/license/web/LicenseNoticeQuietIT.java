package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** A subscription that ends in 90 days has nothing to say yet: no license notice on any page, not even for admins. */
class LicenseNoticeQuietIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicenseNoticeQuietIT.class, TestLicenses.subscription("NVZ-IT-QUIET", "Quiet Networks",
                LocalDate.now().plusDays(90)), Map.of());
    }

    @Test
    void admin_licenseEndingIn90Days_noNoticeOnTheDashboardAboutOrLicensePage() {
        WebClient admin = new WebClient(url(""));
        HttpResponse<String> dashboard = admin.logIn(TestUser.ADMIN);
        HttpResponse<String> about = admin.get("license/about.xhtml");
        HttpResponse<String> license = admin.get("license/license.xhtml");

        assertAll(
                () -> assertTrue(dashboard.body().contains("id=\"pageTitle\">Dashboard"), dashboard.body()),
                () -> assertEquals(200, about.statusCode()),
                () -> assertEquals(200, license.statusCode()),
                () -> assertTrue(license.body().contains("NVZ-IT-QUIET"), "the admin sees the license itself"),
                () -> assertFalse(dashboard.body().contains("nvlLicenseNotice"), "no notice on the dashboard"),
                () -> assertFalse(about.body().contains("nvlLicenseNotice"), "no notice on About"),
                () -> assertFalse(license.body().contains("nvlLicenseNotice"), "no notice on the License page"),
                () -> assertFalse(dashboard.body().contains("notice.css"), "nor its stylesheet"));
    }
}

package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.Settings;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * With no page frame named (the setting blank, as in an overlay whose host names no layout), the License page, About
 * and the required page render in the plugin's own frame: its header with the product, the links, the user and its own
 * Log out form, and the license notice under it.
 */
class OwnFrameIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(OwnFrameIT.class, TestLicenses.subscription("NVZ-IT-OWNFRAME", "Own Frame Ltd",
                LocalDate.now().plusDays(10)), Map.of(Settings.TEMPLATE, ""));
    }

    @Test
    void noFrameNamed_pluginPagesRenderInThePluginsOwnFrame_withTheNoticeForAdmins() {
        WebClient admin = new WebClient(url(""));
        HttpResponse<String> dashboard = admin.logIn(TestUser.ADMIN);
        HttpResponse<String> license = admin.get("license/license.xhtml");
        HttpResponse<String> about = admin.get("license/about.xhtml");
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);
        HttpResponse<String> required = user.get("license/required.xhtml");

        assertAll(
                () -> assertTrue(dashboard.body().contains("id=\"gearButton\""),
                        "the shell's own pages keep the shell"),
                () -> assertOwnFrame("License page", license),
                () -> assertOwnFrame("About", about),
                () -> assertOwnFrame("required page", required),
                () -> assertTrue(license.body().contains("id=\"nvlLicenseNotice\""), "the notice for the admin"),
                () -> assertTrue(about.body().contains("id=\"nvlLicenseNotice\""), "the notice for the admin"),
                () -> assertFalse(required.body().contains("id=\"nvlLicenseNotice\""), "no notice for a viewer"),
                () -> assertTrue(required.body().contains("id=\"logoutButton\""), "the required page's own Log out"));
    }

    private static void assertOwnFrame(String page, HttpResponse<String> answer) {
        assertAll(page,
                () -> assertEquals(200, answer.statusCode()),
                () -> assertTrue(answer.body().contains("id=\"nvlHome\""), "the own frame's header"),
                () -> assertTrue(answer.body().contains("id=\"nvlLogoutForm\""), "the own frame's Log out"),
                () -> assertTrue(answer.body().contains("netvizura-license-plugin"), "the plugin's stylesheet"),
                () -> assertFalse(answer.body().contains("id=\"gearButton\""), "not the shell"));
    }
}

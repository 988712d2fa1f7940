package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.netvizura.license.it.FacesVisitor;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may read the License Details, upload, Send and download, asked by direct POSTs that imitate the License
 * page's PrimeFaces AJAX requests. The WAR runs with a host-like web.xml (no container rule for {@code /license/*},
 * no login rule for every page: {@link AdminPathIT#hostLike}), so only the plugin's own checks stand in the way, and
 * with SMTP pointed at a GreenMail this test starts, so that a Send that got through would be a mail that arrived.
 * Every refusal has its control: the admin's own same-origin request does deliver, or does apply.
 */
class LicenseActionsAccessIT extends NetVizuraIT {

    private static final String INSTALLATION_CODE = "NVZ1-";
    private static GreenMail mailServer;

    private WebClient admin;
    private String adminViewState;
    private String adminNonce;

    @Deployment(testable = false)
    public static WebArchive deployment() throws IOException {
        // Started here, on a free port, because the port must be known when the deployment's settings are written.
        mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mailServer.start();
        return AdminPathIT.hostLike(builtWar(LicenseActionsAccessIT.class, InitialLicense.VALID, Map.of(
                Settings.SMTP_HOST, "127.0.0.1",
                Settings.SMTP_PORT, String.valueOf(mailServer.getSmtp().getPort()),
                Settings.SMTP_SECURITY, "none")));
    }

    @AfterAll
    static void stopMailServer() {
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @BeforeEach
    void adminOnTheLicensePage() throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
        admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get("license/license.xhtml").body();
        assertTrue(page.contains("id=\"sendForm:sendButton\""), "server-side Send offered: " + page);
        adminViewState = FacesVisitor.viewStateOf(page);
        adminNonce = FacesVisitor.cspNonceOf(page);
    }

    @Test
    void send_byUserAnonymousOrOtherSite_sendsNothing_adminsOwnSendDelivers() throws Exception {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);
        WebClient anonymous = new WebClient(url(""));
        String own = ownOrigin();

        HttpResponse<String> byUser = send(user, adminViewState, own);
        HttpResponse<String> byUserMadeUpState = send(user, "-1234567890:1234567890", own);
        HttpResponse<String> byAnonymous = send(anonymous, adminViewState, own);
        HttpResponse<String> crossSite = send(admin, adminViewState, "http://evil.example");
        HttpResponse<String> noOriginNoViewState = admin.postFormNoFollow("license/license.xhtml",
                Map.of("jakarta.faces.source", "sendForm:sendButton", "sendForm:sendButton", "sendForm:sendButton",
                        "sendForm", "sendForm"), WebClient.FACES_AJAX);
        // The requests above were answered before this one starts: any mail they caused has arrived by its end.
        HttpResponse<String> control = send(admin, adminViewState, own);

        assertAll(
                () -> assertEquals(403, byUser.statusCode(), byUser.body()),
                () -> assertEquals(403, byUserMadeUpState.statusCode(), byUserMadeUpState.body()),
                () -> assertNotReached(byAnonymous),
                () -> assertEquals(403, crossSite.statusCode(), crossSite.body()),
                () -> assertEquals(403, noOriginNoViewState.statusCode(), noOriginNoViewState.body()),
                () -> assertEquals(200, control.statusCode(), control.body()),
                () -> assertTrue(control.body().contains("were sent to sales@netvizura.com"), control.body()),
                () -> assertTrue(mailServer.waitForIncomingEmail(10_000, 1), "control: the admin's Send delivers"),
                () -> assertEquals(1, mailServer.getReceivedMessages().length, "only the admin's own Send"));
    }

    @Test
    void ajaxRenderOfThePage_byUserOrAnonymous_showsNoLicenseDetails() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);
        WebClient anonymous = new WebClient(url(""));

        HttpResponse<String> byUser = renderAll(user, adminViewState);
        HttpResponse<String> byAnonymous = renderAll(anonymous, adminViewState);
        HttpResponse<String> control = renderAll(admin, adminViewState);

        assertAll(
                () -> assertEquals(403, byUser.statusCode(), byUser.body()),
                () -> assertFalse(byUser.body().contains(INSTALLATION_CODE), byUser.body()),
                () -> assertNotReached(byAnonymous),
                () -> assertFalse(byAnonymous.body().contains(INSTALLATION_CODE), byAnonymous.body()),
                () -> assertEquals(200, control.statusCode(), control.body()),
                () -> assertTrue(control.body().contains("Installation Code: " + TestLicenses.thisMachineCode()),
                        "control: the admin's render carries the details: " + control.body()));
    }

    @Test
    void detailsDownload_byUserOrAnonymous_getPostOrAjax_givesNoDetails() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);
        WebClient anonymous = new WebClient(url(""));
        Map<String, String> form = Map.of("jakarta.faces.ViewState", adminViewState);

        assertAll(
                () -> assertNoDetails(user.getNoFollow("license/details.txt")),
                () -> assertNoDetails(user.postFormNoFollow("license/details.txt", form, "Origin", ownOrigin())),
                () -> assertNoDetails(user.postFormNoFollow("license/details.txt", form, ajaxFrom(ownOrigin()))),
                () -> assertNoDetails(anonymous.getNoFollow("license/details.txt")),
                () -> assertNoDetails(anonymous.postFormNoFollow("license/details.txt", form, ajaxFrom(ownOrigin()))),
                () -> assertTrue(admin.getNoFollow("license/details.txt").body().contains("Installation Code: NVZ1-"),
                        "control: the admin downloads the details"));
    }

    @Test
    void upload_byAnonymous_isRefused_licenseUnchanged() throws Exception {
        FacesVisitor anonymous = new FacesVisitor(url(""));
        byte[] key = TestLicenses.valid(PageKeys.newId(), "Anonymous Upload Test");
        byte[] activeKey = Files.readAllBytes(activeKeyFile());

        HttpResponse<String> withAdminsState = anonymous.uploadKey(adminViewState, "x.key", key, anonymous.ownOrigin());
        HttpResponse<String> withMadeUpState = anonymous.uploadKey("-1234567890:1234567890", "x.key", key,
                anonymous.ownOrigin());

        assertAll(
                () -> assertNotReached(withAdminsState),
                () -> assertNotReached(withMadeUpState),
                () -> assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "active key unchanged"));
    }

    @Test
    void upload_withMadeUpViewState_appliesNothing_fromOwnSiteOrAnother_ownPagesStateApplies() throws Exception {
        FacesVisitor visitor = new FacesVisitor(url(""));
        visitor.logIn(TestUser.ADMIN);
        String viewState = FacesVisitor.viewStateOf(visitor.get("license/license.xhtml").body());
        byte[] key = TestLicenses.valid(PageKeys.newId(), TestLicenses.IT_LICENSEE);
        byte[] activeKey = Files.readAllBytes(activeKeyFile());
        String madeUp = "-1234567890:1234567890";

        HttpResponse<String> crossSite = visitor.uploadKey(madeUp, "x.key", key, "http://evil.example");
        HttpResponse<String> crossSiteNoOrigin = visitor.uploadKey(madeUp, "x.key", key, null);
        HttpResponse<String> ownSite = visitor.uploadKey(madeUp, "x.key", key, visitor.ownOrigin());
        byte[] afterRefusals = Files.readAllBytes(activeKeyFile());
        HttpResponse<String> control = visitor.uploadKey(viewState, "x.key", key, visitor.ownOrigin());

        assertAll(
                () -> assertEquals(403, crossSite.statusCode(), crossSite.body()),
                // Without Origin and Referer nothing shows where the request came from: refused (SameOrigin).
                () -> assertEquals(403, crossSiteNoOrigin.statusCode(), crossSiteNoOrigin.body()),
                () -> assertViewExpired(ownSite),
                () -> assertArrayEquals(activeKey, afterRefusals, "nothing applied without the page's view state"),
                () -> assertTrue(FacesVisitor.announcesApplied(control.body()), control.body()),
                () -> assertArrayEquals(key, Files.readAllBytes(activeKeyFile()), "control: applied"));
    }

    /** The Send button's AJAX request, as the page sends it, from {@code origin}. */
    private static HttpResponse<String> send(WebClient client, String viewState, String origin) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "sendForm:sendButton");
        fields.put("jakarta.faces.partial.execute", "sendForm:sendButton");
        fields.put("jakarta.faces.partial.render", "sendForm:sendResult");
        fields.put("sendForm:sendButton", "sendForm:sendButton");
        fields.put("sendForm", "sendForm");
        fields.put("jakarta.faces.ViewState", viewState);
        return client.postFormNoFollow("license/license.xhtml", fields, ajaxFrom(origin));
    }

    /**
     * An AJAX request that asks the License page to render everything, the details included, with the admin page's
     * CSP nonce, as PrimeFaces' script sends it (under its CSP, PrimeFaces refuses an AJAX render of the whole view
     * without it).
     */
    private HttpResponse<String> renderAll(WebClient client, String viewState) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("primefaces.nonce", adminNonce);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "sendForm");
        fields.put("jakarta.faces.partial.execute", "@none");
        fields.put("jakarta.faces.partial.render", "@all");
        fields.put("jakarta.faces.ViewState", viewState);
        return client.postFormNoFollow("license/license.xhtml", fields, ajaxFrom(ownOrigin()));
    }

    private static String[] ajaxFrom(String origin) {
        return new String[] {WebClient.FACES_AJAX[0], WebClient.FACES_AJAX[1], "Origin", origin,
                "X-Requested-With", "XMLHttpRequest"};
    }

    /** An anonymous request to an admin path is sent to the application root (to log in), never served. */
    private static void assertNotReached(HttpResponse<String> response) {
        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertTrue(response.body().contains("<partial-response><redirect url=\"/netvizura-license/\"/>"),
                        response.body()),
                () -> assertFalse(response.body().contains(INSTALLATION_CODE), response.body()));
    }

    private static void assertViewExpired(HttpResponse<String> response) {
        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertTrue(response.body().contains("<error-name>class jakarta.faces.application.ViewExpiredException"),
                        response.body()),
                () -> assertFalse(FacesVisitor.announcesApplied(response.body()), response.body()));
    }

    private static void assertNoDetails(HttpResponse<String> response) {
        assertAll(
                () -> assertTrue(response.statusCode() == 403 || response.statusCode() == 302
                        || response.body().contains("<redirect url="), response.statusCode() + " " + response.body()),
                () -> assertFalse(response.body().contains(INSTALLATION_CODE), response.body()));
    }

    private String ownOrigin() {
        URI root = url("");
        return root.getScheme() + "://" + root.getHost() + ":" + root.getPort();
    }
}

package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.FacesVisitor;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.service.Settings;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The plugin laid over a host WAR, as an integrator does with the maven-war-plugin overlay and the excludes the
 * README gives: the host's own {@code web.xml} (metadata-complete, its own login page, no rule for {@code /license/*},
 * no {@code FACELETS_LIBRARIES}), home page and layout win; the plugin's classes, libraries and {@code webapp-overlay/}
 * files are added. The host names its layout as the plugin's page frame in its context and places the license notice
 * in it. The License page, About and the required page must render inside that layout, and the upload, the pop-up,
 * Reset and the notice must work there as in the standalone WAR. The license ends in 10 days, so the notice has
 * something to say whatever a test applies (every key applied here ends in 10 days too).
 */
class OverlayIT extends BrowserIT {

    /** What README.md tells integrators to leave out of the overlay: the standalone shell. */
    static final List<String> STANDALONE_ONLY = List.of("/index.xhtml", "/errors/", "/WEB-INF/web.xml",
            "/WEB-INF/templates/", "/WEB-INF/standalone/", "/resources/netvizura-license/");
    /** The host's layout, named as the plugin's page frame in the host's context. */
    static final String HOST_LAYOUT = "/WEB-INF/host/layout.xhtml";

    private static final By NOTICE = By.id("nvlLicenseNotice");

    @Deployment(testable = false)
    public static WebArchive deployment() {
        WebArchive plugin = builtWar(OverlayIT.class, endingIn10Days("NVZ-IT-OVERLAY"),
                Map.of(Settings.TEMPLATE, HOST_LAYOUT));
        WebArchive host = ShrinkWrap.create(WebArchive.class, "netvizura-host.war")
                .setWebXML("overlay-host/web.xml")
                .addAsWebResource("overlay-host/home.xhtml", "home.xhtml")
                .addAsWebInfResource("overlay-host/layout.xhtml", "host/layout.xhtml")
                .addAsWebInfResource("overlay-host/sign-in.html", "host/sign-in.html")
                .addAsWebInfResource("overlay-host/sign-in-failed.html", "host/sign-in-failed.html");
        for (Map.Entry<ArchivePath, Node> entry : plugin.getContent().entrySet()) {
            String path = entry.getKey().get();
            boolean standaloneOnly = STANDALONE_ONLY.stream().anyMatch(path::startsWith);
            if (entry.getValue().getAsset() != null && !standaloneOnly && !host.contains(entry.getKey())) {
                host.add(entry.getValue().getAsset(), entry.getKey());
            }
        }
        return host;
    }

    private static byte[] endingIn10Days(String id) {
        return TestLicenses.subscription(id, "Overlay Networks", LocalDate.now().plusDays(10));
    }

    @Test
    void hostLogin_thenLicensePageAndAbout_renderWithinTheHostsLayout_withTheNotice() throws Exception {
        String active = LicenseKeyVerifier.peekLicenseId(Files.readAllBytes(activeKeyFile())).orElseThrow();
        hostLogIn(TestUser.ADMIN);
        assertEquals("Host NetVizura", waitUntilVisible(By.id("hostTitle")).getText());
        assertTrue(waitUntilVisible(NOTICE).getText().contains("(10 days left)"), "the notice in the host's page");

        browser.findElement(By.id("hostLicenseLink")).click();

        assertAll(
                () -> assertEquals("License", waitUntilVisible(By.id("pageTitle")).getText()),
                () -> assertEquals(TestLicenses.thisMachineCode(), browser.findElement(By.id("installationCode")).getText()),
                () -> assertEquals(active, browser.findElement(By.id("licenseId")).getText()),
                () -> assertInTheHostsLayout("License page"),
                () -> assertEquals(1, findNow(NOTICE).size(), "the notice, once"),
                () -> assertEquals("rgba(23, 105, 170, 1)", browser.findElement(By.id("sendLink")).getCssValue(
                        "background-color"), "the page brought its own stylesheet"));

        browser.findElement(By.id("hostAboutLink")).click();
        assertAll(
                () -> assertEquals("About", waitUntilVisible(By.id("pageTitle")).getText()),
                () -> assertEquals(active, browser.findElement(By.id("licenseId")).getText()),
                () -> assertInTheHostsLayout("About"),
                () -> assertTrue(waitUntilVisible(NOTICE).getText().contains("(10 days left)")));
    }

    @Test
    void user_requiredPage_rendersWithinTheHostsLayout_withoutTheNotice_andItsOwnLogOutWorks() {
        hostLogIn(TestUser.USER);
        waitUntilVisible(By.id("hostTitle"));
        assertTrue(findNow(NOTICE).isEmpty(), "no notice for a non-admin");

        open("license/required.xhtml");

        assertAll(
                () -> assertEquals("The license is in order again.", waitUntilVisible(By.id("pageTitle")).getText()),
                () -> assertInTheHostsLayout("required page"),
                () -> assertTrue(findNow(NOTICE).isEmpty(), "no notice for a non-admin"));
        browser.findElement(By.id("logoutButton")).click();
        assertEquals("Sign in to the host application", waitUntilVisible(By.id("hostSignIn")).getText());
    }

    @Test
    void nonAdmin_getsForbidden_althoughTheHostHasNoRuleForTheLicensePage() {
        WebClient user = new WebClient(url(""));
        user.logIn(TestUser.USER);

        HttpResponse<String> page = user.get("license/license.xhtml");
        HttpResponse<String> details = user.get("license/details.txt");

        assertEquals(403, page.statusCode());
        assertEquals(403, details.statusCode());
        assertTrue(!details.body().contains("NVZ1-"), "no License Details for a non-admin");
    }

    @Test
    void upload_inTheHostsLayout_appliesKey_popUp_reset_andASessionOpenedBeforeMustLogInAgain() throws Exception {
        WebClient earlier = new WebClient(url(""));
        earlier.logIn(TestUser.USER);
        assertTrue(earlier.get("home.xhtml").body().contains("hostTitle"), "the other user is logged in");

        hostLogIn(TestUser.ADMIN);
        open("license/license.xhtml");
        assertInTheHostsLayout("License page");
        String id = PageKeys.newId();
        byte[] key = endingIn10Days(id);
        Path file = PageKeys.file("overlay.key", key);
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
        browser.findElement(By.cssSelector("#uploadDialog input[type=file]")).sendKeys(file.toString());

        assertTrue(waitUntilVisible(By.id("appliedDialog")).getText().contains(id));
        assertArrayEquals(key, Files.readAllBytes(activeKeyFile()));
        assertInTheHostsLayout("License page with the pop-up");

        HttpResponse<String> next = earlier.get("home.xhtml");
        assertTrue(next.body().contains("hostSignIn"), "the earlier session is sent to the host's sign-in page");

        browser.findElement(By.id("appliedForm:resetButton")).click();
        assertEquals("Sign in to the host application", waitUntilVisible(By.id("hostSignIn")).getText());
        hostLogIn(TestUser.ADMIN);
        waitUntilVisible(By.id("hostTitle"));
        open("license/license.xhtml");
        assertEquals(id, waitUntilVisible(By.id("licenseId")).getText());
        assertTrue(waitUntilVisible(NOTICE).getText().contains("(10 days left)"), "the notice for the new license");
    }

    /** The page is inside the host's layout: its header and menu, none of the standalone shell or the own frame. */
    private void assertInTheHostsLayout(String page) {
        assertAll(page,
                () -> assertEquals("Host NetVizura", browser.findElement(By.id("hostBrand")).getText()),
                () -> assertTrue(browser.findElement(By.id("hostMenu")).isDisplayed(), "the host's menu"),
                () -> assertTrue(findNow(By.id("gearButton")).isEmpty(), "not the standalone shell"),
                () -> assertTrue(findNow(By.id("nvlHome")).isEmpty(), "not the plugin's own frame"));
    }

    @Test
    void pluginPages_inTheHost_bringTheirOwnHeadersErrorPageAndBodyLimit_theHostsPagesAreLeftAlone() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        String origin = url("").getScheme() + "://" + url("").getHost() + ":" + url("").getPort();

        HttpResponse<String> license = admin.getNoFollow("license/license.xhtml");
        HttpResponse<String> about = admin.getNoFollow("license/about.xhtml");
        HttpResponse<String> stalePost = admin.postFormNoFollow("license/about.xhtml",
                Map.of("jakarta.faces.ViewState", "stateless"), "Origin", origin);
        HttpResponse<String> staleGet = admin.getNoFollow("license/license.xhtml?jakarta.faces.ViewState=-1:1");
        HttpResponse<String> home = admin.getNoFollow("home.xhtml");
        FacesVisitor uploader = new FacesVisitor(url(""));
        uploader.logIn(TestUser.ADMIN);
        String viewState = FacesVisitor.viewStateOf(uploader.get("license/license.xhtml").body());
        HttpResponse<String> huge = uploader.uploadKey(viewState, "huge.key", new byte[300 * 1024], origin);

        assertAll(
                () -> assertEquals(200, license.statusCode()),
                () -> SecurityHeadersIT.assertPluginHeaders("License page in the host", license),
                () -> assertEquals(List.of("no-store"), license.headers().allValues("Cache-Control")),
                () -> SecurityHeadersIT.assertPluginHeaders("About in the host", about),
                () -> ErrorPageIT.assertSaysReload("stale POST in the host", stalePost, "license/about.xhtml"),
                () -> ErrorPageIT.assertSaysReload("stale GET in the host", staleGet, "license/license.xhtml"),
                () -> assertEquals(413, huge.statusCode(), huge.body()),
                () -> assertEquals(200, home.statusCode()),
                () -> assertTrue(home.headers().firstValue("X-Frame-Options").isEmpty(), "the host decides for its pages"));
    }

    /**
     * Signs in through the host's own page. A fresh URL each time: the host serves its sign-in page without
     * {@code Cache-Control: no-store}, and Chromium would otherwise show a cached copy whose login Tomcat refuses.
     */
    private void hostLogIn(TestUser user) {
        open("home.xhtml?visit=" + System.nanoTime());
        submitLogin(user.username(), user.password());
        // Wait for the login to end: a page opened while it still runs races it (Tomcat then answers 408).
        waitUntilVisible(By.id("hostTitle"));
    }
}

package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Content-Security-Policy in a real browser: the License page's whole flow (gear menu, Copy, the Upload dialog,
 * an upload, the pop-up, Reset, About) runs under the enforced policy without a single violation, while a script the
 * page did not bring (no nonce) is refused and reported; and no page of the application shows in a frame of
 * another site. Violations are collected in each page by a {@code securitypolicyviolation} listener that Chromium
 * installs before the page's own scripts run.
 */
class ContentSecurityPolicyIT extends BrowserIT {

    /** Installed in every new document: keeps what the browser reports, one line a violation. */
    private static final String RECORDER = "window.__nvViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__nvViolations.push(e.disposition + ' ' + e.effectiveDirective + ' blocked [' + e.blockedURI"
            + "    + '] in ' + e.sourceFile + ':' + e.lineNumber + ' sample [' + e.sample + ']');"
            + "});";

    private final List<String> violations = new ArrayList<>();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(ContentSecurityPolicyIT.class, InitialLicense.VALID);
    }

    @BeforeAll
    static void recordViolations() {
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    }

    @Test
    void licensePageFlow_underTheEnforcedPolicy_reportsNoViolation() {
        logIn(TestUser.ADMIN);
        collect("dashboard");
        clickMenu("menuSettings", "menuControlPanel", "menuLicense");
        assertEquals("License", waitUntilVisible(By.id("pageTitle")).getText());
        String code = browser.findElement(By.id("installationCode")).getText();

        browser.findElement(By.id("copyCodeButton")).click();
        waitUntil(d -> !d.findElement(By.id("copyStatus")).getText().isBlank());
        browser.findElement(By.id("copyDetailsButton")).click();
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("uploadDialog")));

        String id = PageKeys.newId();
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
        browser.findElement(By.cssSelector("#uploadDialog input[type=file]")).sendKeys(PageKeys.file("csp.key",
                TestLicenses.perpetual(id, TestLicenses.IT_LICENSEE, code, LocalDate.now().plusYears(1))).toString());
        assertTrue(waitUntilVisible(By.id("appliedMessage")).getText().contains(id), "the pop-up names the key");
        collect("License page after the upload");

        browser.findElement(By.id("appliedForm:resetButton")).click();
        waitUntilVisible(By.id("j_username"));
        collect("login page after Reset");
        submitLogin(TestUser.ADMIN.username(), TestUser.ADMIN.password());
        waitUntilVisible(By.id("gearButton"));
        clickMenu("menuAbout");
        assertEquals(id, waitUntilVisible(By.id("licenseId")).getText());
        collect("About");

        assertEquals(List.of(), violations, "no violation of the policy on any page");
    }

    @Test
    void scriptWithoutTheNonce_isRefusedAndReported_thePolicyIsEnforced() {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        waitUntilVisible(By.id("installationCode"));

        Object ran = ((JavascriptExecutor) browser).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.__nvInjected = true;';"
                        + "document.head.appendChild(s); return window.__nvInjected === true;");
        collect("License page");

        assertAll(
                () -> assertEquals(Boolean.FALSE, ran, "an injected inline script does not run"),
                () -> assertTrue(violations.stream().anyMatch(v -> v.contains(": enforce script-src")),
                        violations.toString()));
    }

    /**
     * Pages of another origin (a small server on another port: same site, so the browser even sends the admin's
     * session cookie) that frame the application's pages: the frames stay empty, and a control found in the frame
     * would be the click-jacking the review showed (a click through it opened the Upload dialog).
     */
    @Test
    void applicationInAFrameOfAnotherOrigin_isNotShown() throws IOException {
        logIn(TestUser.ADMIN);
        HttpServer otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherOrigin.createContext("/", exchange -> {
            String page = exchange.getRequestURI().getQuery();
            byte[] framing = ("<!DOCTYPE html><title>other origin</title><iframe id=\"victim\" width=\"900\" "
                    + "height=\"700\" src=\"" + url(page == null ? "" : page) + "\"></iframe>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, framing.length);
            exchange.getResponseBody().write(framing);
            exchange.close();
        });
        otherOrigin.start();
        try {
            for (String page : List.of("", "license/license.xhtml", "license/about.xhtml")) {
                browser.get("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/frame?" + page);
                waitUntil(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("victim")));
                try {
                    waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
                    assertAll("framed " + url(page),
                            () -> assertTrue(findNow(By.id("j_username")).isEmpty(), "no login form in the frame"),
                            () -> assertTrue(findNow(By.id("pageTitle")).isEmpty(), "no page in the frame"),
                            () -> assertTrue(findNow(By.id("gearButton")).isEmpty(), "no menu in the frame"),
                            () -> assertTrue(findNow(By.id("sendForm:uploadButton")).isEmpty(), "no Upload in the frame"));
                } finally {
                    browser.switchTo().defaultContent();
                }
            }
        } finally {
            otherOrigin.stop(0);
        }
    }

    /** Adds what the page now shown has reported, each line prefixed with {@code where}. */
    @SuppressWarnings("unchecked")
    private void collect(String where) {
        Object found = ((JavascriptExecutor) browser).executeScript("return window.__nvViolations || ['no recorder'];");
        for (Object v : (List<Object>) found) {
            violations.add(where + ": " + v);
        }
        assertFalse(violations.stream().anyMatch(v -> v.endsWith("no recorder")), "the recorder runs in " + where);
    }
}

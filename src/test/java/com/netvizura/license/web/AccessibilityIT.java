package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.Axe;
import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core on every page an admin goes through, in the state a person sees it: the login page, the dashboard with
 * the license notice (the license ends in 10 days), the License page, the open Upload dialog, the pop-up after an
 * applied key, and About. No page may break a WCAG 2.1 A or AA rule with impact serious or critical; each check
 * leaves its count in {@code target/axe/report.txt}.
 */
class AccessibilityIT extends BrowserIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(AccessibilityIT.class, TestLicenses.subscription("NVZ-IT-AXE", "Accessible Networks",
                LocalDate.now().plusDays(10)), Map.of());
    }

    @Test
    void loginPage_breaksNoSeriousRule() {
        open("");
        waitUntilVisible(By.id("loginForm"));

        assertAccessible("login page");
    }

    @Test
    void dashboardWithTheLicenseNotice_breaksNoSeriousRule() {
        logIn(TestUser.ADMIN);
        waitUntilVisible(By.id("nvlLicenseNotice"));

        assertAccessible("dashboard with the license notice");
    }

    @Test
    void licensePage_breaksNoSeriousRule() {
        logIn(TestUser.ADMIN);
        clickMenu("menuSettings", "menuControlPanel", "menuLicense");
        waitUntilVisible(By.id("installationCode"));

        assertAccessible("License page");
    }

    @Test
    void openUploadDialog_breaksNoSeriousRule() {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
        waitUntilVisible(By.id("uploadForm:keyUpload"));

        assertAccessible("Upload dialog");
    }

    @Test
    void appliedPopUp_breaksNoSeriousRule() {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        String id = PageKeys.newId();
        byte[] key = TestLicenses.subscription(id, "Accessible Networks", LocalDate.now().plusDays(10));
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
        browser.findElement(By.cssSelector("#uploadDialog input[type=file]"))
                .sendKeys(PageKeys.file("axe.key", key).toString());
        WebElement popUp = waitUntilVisible(By.id("appliedDialog"));
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("uploadDialog")));
        assertTrue(popUp.getText().contains(id), popUp.getText());

        assertAccessible("applied pop-up");
    }

    @Test
    void about_breaksNoSeriousRule() {
        logIn(TestUser.ADMIN);
        clickMenu("menuAbout");
        waitUntilVisible(By.id("productFacts"));

        assertAccessible("About");
    }

    @Test
    void buttons_areNamedByTheirWord_notByTheirIconGlyph() {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        WebElement upload = waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton")));
        String send = browser.findElement(By.id("sendLink")).getAccessibleName();
        String copy = browser.findElement(By.id("copyCodeButton")).getAccessibleName();
        String uploadName = upload.getAccessibleName();
        upload.click();
        WebElement choose = waitUntilVisible(By.cssSelector("#uploadDialog .ui-fileupload-choose"));

        assertAll(
                () -> assertEquals("Upload", uploadName),
                () -> assertEquals("Send", send),
                () -> assertEquals("Copy", copy),
                () -> assertEquals("Choose key file", choose.getAccessibleName()),
                () -> assertEquals("Dismiss", browser.findElement(By.cssSelector("#nvlLicenseNotice button"))
                        .getAccessibleName()));
    }

    private void assertAccessible(String page) {
        Axe.Report report = Axe.check(browser, page);
        List<Axe.Violation> blocking = report.blocking();
        if (!blocking.isEmpty()) {
            screenshot("axe-" + page.replace(' ', '-'));
        }
        assertEquals(List.of(), blocking, report.details());
    }
}

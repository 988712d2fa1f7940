package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.Chromium;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.service.Settings;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's whole flow in a real browser: gear > Settings > Control Panel > License, the Installation Code in
 * the Send link, Send over SMTP (GreenMail), Upload through the dialog, the pop-up, Reset, log in again, About.
 */
class LicenseFlowIT extends BrowserIT {

    private static final String UNCHANGED = "Your current license is unchanged.";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        // Mail goes to 127.0.0.1:it.smtp.port, where the Send test starts GreenMail; nothing listens there otherwise.
        return builtWar(LicenseFlowIT.class, InitialLicense.VALID, Map.of(
                Settings.SMTP_HOST, "127.0.0.1",
                Settings.SMTP_PORT, System.getProperty("it.smtp.port"),
                Settings.SMTP_SECURITY, "none"));
    }

    @Test
    void seedFlow_uploadValidKey_popUp_reset_logInAgain_aboutShowsNewLicense() {
        logIn(TestUser.ADMIN);
        clickMenu("menuSettings", "menuControlPanel", "menuLicense");
        assertEquals("License", waitUntilVisible(By.id("pageTitle")).getText());
        String code = browser.findElement(By.id("installationCode")).getText();
        String id = PageKeys.newId();

        upload(PageKeys.file("valid.key", keyFor(id, TestLicenses.IT_LICENSEE, code)));

        WebElement popUp = waitUntilVisible(By.id("appliedDialog"));
        assertAll(
                () -> assertTrue(popUp.getText().contains(id), popUp.getText()),
                () -> assertTrue(popUp.getText().contains(TestLicenses.IT_LICENSEE), popUp.getText()),
                () -> assertTrue(popUp.getText().contains("reset"), popUp.getText()),
                () -> assertEquals(id, browser.findElement(By.id("licenseId")).getText(), "the page behind updated"));
        browser.findElement(By.id("appliedForm:resetButton")).click();

        waitUntilVisible(By.id("j_username"));
        submitLogin(TestUser.ADMIN.username(), TestUser.ADMIN.password());
        waitUntilVisible(By.id("gearButton"));
        clickMenu("menuAbout");
        assertAll(
                () -> assertEquals(id, waitUntilVisible(By.id("licenseId")).getText()),
                () -> assertEquals(TestLicenses.IT_LICENSEE, browser.findElement(By.id("licensee")).getText()),
                () -> assertEquals("Valid", browser.findElement(By.id("statusText")).getText()),
                () -> assertTrue(findNow(By.id("installationCode")).isEmpty(), "no code on About"));

        open("license/license.xhtml");
        assertEquals(id, waitUntilVisible(By.id("licenseId")).getText());
        assertTrue(browser.findElement(By.id("timeline")).isDisplayed(), "the timeline is drawn");
        // The whole page in one picture (the closing note of the issue cites it).
        browser.manage().window().setSize(new Dimension(1280, 2000));
        screenshot("license-page");
    }

    @Test
    void sendLink_isMailtoVendorWithInstallationCodeInSubjectAndBody() {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        String code = waitUntilVisible(By.id("installationCode")).getText();

        String href = browser.findElement(By.id("sendLink")).getAttribute("href");

        assertTrue(href.startsWith("mailto:sales%40netvizura.com?") || href.startsWith("mailto:sales@netvizura.com?"),
                href);
        Map<String, String> fields = mailtoFields(href);
        assertAll(
                () -> assertTrue(fields.get("subject").contains(code), fields.toString()),
                () -> assertTrue(fields.get("body").contains("Installation Code: " + code), fields.toString()),
                () -> assertTrue(fields.get("body").contains("\r\n"), "lines end with CRLF: " + fields));
    }

    @Test
    void send_withSmtpConfigured_deliversDetailsToVendor() throws Exception {
        GreenMail mailServer = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1", "smtp"));
        mailServer.start();
        try {
            logIn(TestUser.ADMIN);
            open("license/license.xhtml");
            String code = waitUntilVisible(By.id("installationCode")).getText();

            waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:sendButton"))).click();

            WebElement message = waitUntilVisible(By.id("sendMessage"));
            assertTrue(message.getText().contains("were sent to sales@netvizura.com"), message.getText());
            assertTrue(mailServer.waitForIncomingEmail(10_000, 1), "a mail arrived");
            MimeMessage mail = mailServer.getReceivedMessages()[0];
            assertAll(
                    () -> assertEquals("sales@netvizura.com", mail.getAllRecipients()[0].toString()),
                    () -> assertTrue(mail.getSubject().contains(code), mail.getSubject()),
                    () -> assertTrue(GreenMailUtil.getBody(mail).contains(code), "the body carries the code"));
        } finally {
            mailServer.stop();
        }
    }

    @Test
    void upload_keyForAnotherServer_isRefusedWithReason_licenseUnchanged() throws Exception {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        String before = licenseShown();
        byte[] activeKey = Files.readAllBytes(activeKeyFile());

        upload(PageKeys.file("other-server.key", TestLicenses.forOtherMachine(PageKeys.newId())));

        String refusal = waitUntilVisible(By.id("uploadRefusal")).getText();
        assertAll(
                () -> assertTrue(refusal.contains("belongs to another server"), refusal),
                () -> assertTrue(refusal.endsWith(UNCHANGED), refusal),
                () -> assertTrue(browser.findElement(By.id("uploadFileName")).getText().contains("other-server.key")));
        open("license/license.xhtml");
        assertEquals(before, licenseShown(), "the license shown is unchanged");
        assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "the active key file is unchanged");
    }

    @Test
    void upload_tamperedKey_isRefusedWithReason_licenseUnchanged() throws Exception {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        String code = waitUntilVisible(By.id("installationCode")).getText();
        String before = licenseShown();
        byte[] activeKey = Files.readAllBytes(activeKeyFile());

        upload(PageKeys.file("tampered.key", TestLicenses.tampered(keyFor(PageKeys.newId(), "Tamper Test", code))));

        String refusal = waitUntilVisible(By.id("uploadRefusal")).getText();
        assertAll(
                () -> assertTrue(refusal.contains("changed after NetVizura issued it"), refusal),
                () -> assertTrue(refusal.endsWith(UNCHANGED), refusal));
        open("license/license.xhtml");
        assertEquals(before, licenseShown(), "the license shown is unchanged");
        assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "the active key file is unchanged");
    }

    @Test
    void send_mailServerDown_saysWhyAndOffersTheMailtoLink() {
        // Nothing listens on it.smtp.port outside the GreenMail test.
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");

        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:sendButton"))).click();

        String message = waitUntilVisible(By.id("sendMessage")).getText();
        assertAll(
                () -> assertTrue(message.contains("refused the connection"), message),
                () -> assertTrue(browser.findElement(By.id("sendFallbackLink")).getAttribute("href")
                        .startsWith("mailto:"), "the mailto link is offered as the way out"));
    }

    @Test
    void keyboardOnly_uploadDialogOpensWithEnter_closesWithEscape_resetWithEnter_sameKeyAgainIsAlreadyActive() {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        String code = waitUntilVisible(By.id("installationCode")).getText();
        Path key = PageKeys.file("twice.key", keyFor(PageKeys.newId(), TestLicenses.IT_LICENSEE, code));

        browser.findElement(By.id("sendForm:uploadButton")).sendKeys(Keys.ENTER);
        waitUntilVisible(By.id("uploadDialog"));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("uploadDialog")));

        upload(key);
        waitUntilVisible(By.id("appliedForm:resetButton")).sendKeys(Keys.ENTER);
        // The apply ended every session, this one too: Reset leads to the login form.
        submitLogin(TestUser.ADMIN.username(), TestUser.ADMIN.password());
        waitUntilVisible(By.id("gearButton"));
        open("license/license.xhtml");
        upload(key);

        WebElement popUp = waitUntilVisible(By.id("alreadyActive"));
        assertAll(
                () -> assertEquals("This license is already active; nothing changed.", popUp.getText()),
                () -> assertTrue(findNow(By.id("appliedForm:resetButton")).isEmpty(), "no Reset needed"));
    }

    @Test
    void upload_anotherUsersSessionOpenedBefore_isSentToLogInOnItsNextClick() {
        ChromeDriver other = Chromium.start();
        try {
            WebDriverWait otherWait = new WebDriverWait(other, WAIT);
            other.get(url("").toString());
            otherWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username"))).sendKeys(TestUser.USER.username());
            other.findElement(By.id("j_password")).sendKeys(TestUser.USER.password());
            other.findElement(By.id("loginButton")).click();
            otherWait.until(ExpectedConditions.elementToBeClickable(By.id("gearButton")));

            logIn(TestUser.ADMIN);
            open("license/license.xhtml");
            String code = waitUntilVisible(By.id("installationCode")).getText();
            upload(PageKeys.file("other-user.key", keyFor(PageKeys.newId(), TestLicenses.IT_LICENSEE, code)));
            waitUntilVisible(By.id("appliedDialog"));

            other.findElement(By.id("gearButton")).click();
            otherWait.until(ExpectedConditions.elementToBeClickable(By.id("menuAbout"))).click();

            otherWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            assertTrue(other.findElements(By.id("gearButton")).isEmpty(), "the other user is logged out");
        } finally {
            other.quit();
        }
    }

    /**
     * A perpetual key with a year of maintenance, as the vendor issues it for the code the page shows. It gives as
     * much as the deployment's first key only for {@link TestLicenses#IT_LICENSEE}: another licensee waits for Apply
     * anyway ({@code RenewalIT}).
     */
    private static byte[] keyFor(String id, String licensee, String installationCode) {
        return TestLicenses.perpetual(id, licensee, installationCode, LocalDate.now().plusYears(1));
    }

    /** Upload as a person does it: the Upload button opens the dialog, the file chooser takes the file. */
    private void upload(Path keyFile) {
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
        browser.findElement(By.cssSelector("#uploadDialog input[type=file]")).sendKeys(keyFile.toString());
    }

    /** Status, license id and licensee as the License page shows them now. */
    private String licenseShown() {
        String status = waitUntilVisible(By.id("statusText")).getText();
        String id = findNow(By.id("licenseId")).stream().map(WebElement::getText).findFirst().orElse("none");
        return status + " / " + id;
    }

    private static Map<String, String> mailtoFields(String href) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : href.substring(href.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}

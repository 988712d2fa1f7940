package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Upload dialog in Chromium: a pasted key is applied with the pop-up or refused with its sentence (DESIGN.md
 * section 12), and every refusal of a file, wherever it happens (the chooser's own size check, the request filter's
 * 413 before the page sees the upload, the bean), shows its sentence in the dialog, after which the dialog takes the
 * next key at once (issue 19: a 10 MB or 270 KB file showed a progress bar that never ended and no word).
 */
class UploadDialogIT extends BrowserIT {

    private static final String UNCHANGED = "Your current license is unchanged.";
    private static final String TOO_LARGE = "The file is larger than 64 KiB";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(UploadDialogIT.class, InitialLicense.VALID);
    }

    @Test
    void pastedKey_isApplied_popUpShows_pageShowsTheNewLicense() {
        String code = openLicensePage();
        String id = PageKeys.newId();

        openUploadDialog();
        paste(keyFor(id, code));
        applyPasted();

        WebElement popUp = waitUntilVisible(By.id("appliedDialog"));
        assertAll(
                () -> assertTrue(popUp.getText().contains(id), popUp.getText()),
                () -> assertTrue(popUp.getText().contains(TestLicenses.IT_LICENSEE), popUp.getText()),
                () -> assertTrue(browser.findElement(By.id("appliedForm:resetButton")).isDisplayed(), "Reset offered"),
                () -> assertEquals(id, browser.findElement(By.id("licenseId")).getText(), "the page behind updated"));
    }

    @Test
    void pastedTamperedKey_isRefusedWithItsSentence_thenAPastedGoodKeyIsApplied() throws Exception {
        String code = openLicensePage();
        byte[] activeKey = Files.readAllBytes(activeKeyFile());

        openUploadDialog();
        paste(TestLicenses.tampered(keyFor(PageKeys.newId(), code)));
        applyPasted();

        String refusal = waitUntilVisible(By.id("uploadRefusal")).getText();
        assertAll(
                () -> assertTrue(refusal.contains("changed after NetVizura issued it"), refusal),
                () -> assertTrue(refusal.endsWith(UNCHANGED), refusal),
                () -> assertTrue(findNow(By.id("uploadFileName")).isEmpty(), "a pasted key has no file name"),
                () -> assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "the key is unchanged"));

        String id = PageKeys.newId();
        paste(keyFor(id, code));
        applyPasted();
        assertTrue(waitUntilVisible(By.id("appliedDialog")).getText().contains(id));
    }

    @Test
    void chosenFileOf10MB_isRefusedInTheDialog_thenAValidFileIsApplied() {
        refusedInTheDialog_thenAValidFileIsApplied(10 * 1024 * 1024, false);
    }

    @Test
    void chosenFileOf270KB_isRefusedInTheDialog_thenAValidFileIsApplied() {
        refusedInTheDialog_thenAValidFileIsApplied(270 * 1024, false);
    }

    @Test
    void fileOf270KB_refusedByTheFilter_isShownInTheDialog_thenAValidFileIsApplied() {
        // Without the chooser's own check (an older page, a browser that skipped it) the request filter answers 413
        // before the page sees the upload: the dialog shows the filter's sentence.
        refusedInTheDialog_thenAValidFileIsApplied(270 * 1024, true);
    }

    @Test
    void fileOf10MB_refusedByTheFilter_isShownInTheDialog_thenAValidFileIsApplied() {
        refusedInTheDialog_thenAValidFileIsApplied(10 * 1024 * 1024, true);
    }

    @Test
    void pastedTextOverTheBodyLimit_refusedByTheFilter_isShownInTheDialog() {
        String code = openLicensePage();

        openUploadDialog();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = 'A'.repeat(300 * 1024);",
                browser.findElement(By.id("uploadForm:pastedKey")));
        applyPasted();

        String refusal = waitUntilVisible(By.id("uploadRefusal")).getText();
        assertTrue(refusal.contains(TOO_LARGE) && refusal.endsWith(UNCHANGED), refusal);
        String id = PageKeys.newId();
        paste(keyFor(id, code));
        applyPasted();
        assertTrue(waitUntilVisible(By.id("appliedDialog")).getText().contains(id));
    }

    private void refusedInTheDialog_thenAValidFileIsApplied(int size, boolean withoutTheChoosersCheck) {
        String code = openLicensePage();
        byte[] big = new byte[size];
        Arrays.fill(big, (byte) 'A');
        Path file = PageKeys.file("big-" + size + ".key", big);

        openUploadDialog();
        if (withoutTheChoosersCheck) {
            ((JavascriptExecutor) browser).executeScript("for (var name in PrimeFaces.widgets) {"
                    + " var w = PrimeFaces.widgets[name];"
                    + " if (w && w.id === 'uploadForm:keyUpload') { w.cfg.onAdd = null; } }");
        }
        chooseFile(file);

        String refusal = waitUntilVisible(By.id("uploadRefusal")).getText();
        assertAll(
                () -> assertTrue(refusal.endsWith(UNCHANGED), refusal),
                () -> assertTrue(size > 2 * 1024 * 1024 || refusal.contains(TOO_LARGE), refusal),
                () -> waitUntil(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("#uploadDialog .ui-fileupload-row"), 0)));

        String id = PageKeys.newId();
        chooseFile(PageKeys.file("after-" + size + ".key", keyFor(id, code)));
        WebElement popUp = waitUntilVisible(By.id("appliedDialog"));
        assertTrue(popUp.getText().contains(id), popUp.getText());
    }

    /** Logs in as the admin and opens the License page; returns the Installation Code it shows. */
    private String openLicensePage() {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        return waitUntilVisible(By.id("installationCode")).getText();
    }

    private void openUploadDialog() {
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
    }

    /** Types the key into Paste the key, as a paste puts it there. */
    private void paste(byte[] key) {
        WebElement field = waitUntilVisible(By.id("uploadForm:pastedKey"));
        field.clear();
        field.sendKeys(new String(key, StandardCharsets.UTF_8));
    }

    private void applyPasted() {
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("uploadForm:applyPastedButton"))).click();
    }

    private void chooseFile(Path file) {
        browser.findElement(By.cssSelector("#uploadDialog input[type=file]")).sendKeys(file.toString());
    }

    private static byte[] keyFor(String id, String installationCode) {
        return TestLicenses.perpetual(id, TestLicenses.IT_LICENSEE, installationCode, LocalDate.now().plusYears(1));
    }
}

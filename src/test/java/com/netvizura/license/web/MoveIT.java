package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.issuer.IssuerCli;
import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 20 end to end, in Chromium on Tomcat: a server moved to new hardware runs in hardware grace on its old key;
 * the vendor issues {@code issue --move OLD.key} for this server's Installation Code with the real issuer; the admin
 * uploads it and the pop-up says it moves the license to this server, with no Apply anyway asked for; the status is
 * valid again.
 */
class MoveIT extends BrowserIT {

    private static final String OLD_ID = "NVZ-IT-MOVE-OLD";
    private static final String NEW_ID = "NVZ-IT-MOVE-NEW";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(MoveIT.class, TestLicenses.forOtherMachineWithHardwareGrace(OLD_ID, 14), Map.of());
    }

    /** {@code issue --move old.key --installation-code <this server> --out new.key}, as the vendor runs it. */
    private static Path movedKey() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-keys", "move"));
        Path old = Files.write(dir.resolve("old.key"), TestLicenses.forOtherMachineWithHardwareGrace(OLD_ID, 14));
        Path moved = dir.resolve("moved.key");
        Files.deleteIfExists(moved);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = IssuerCli.run(new String[] {"issue", "--private-key",
                System.getProperty("it.devVendorKey", "target/dev-vendor-key/private.pem"),
                "--move", old.toString(), "--installation-code", TestLicenses.thisMachineCode(), "--id", NEW_ID,
                "--out", moved.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemDefaultZone());
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(IssuerCli.EXIT_OK, exit, said);
        assertTrue(said.contains("kept               licensee, e-mail, type, dates, modules, limits"), said);
        return moved.toAbsolutePath();
    }

    @Test
    void upload_movedKey_popUpSaysItMovesTheLicense_andTheServerIsValidAgain() throws Exception {
        Path moved = movedKey();
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        assertEquals("Hardware grace", waitUntilVisible(By.id("statusText")).getText());

        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
        browser.findElement(By.cssSelector("#uploadDialog input[type=file]")).sendKeys(moved.toString());

        WebElement popUp = waitUntilVisible(By.id("appliedDialog"));
        assertAll(
                () -> assertEquals("Moves license " + OLD_ID + " to this server: the same terms, now bound to this"
                        + " server's Installation Code.", browser.findElement(By.id("renewalMessage")).getText()),
                () -> assertTrue(popUp.getText().contains(NEW_ID), popUp.getText()),
                () -> assertTrue(findNow(By.id("heldKey")).isEmpty(), "nothing less: no Apply anyway"));
        screenshot("moved-key");

        logIn(TestUser.ADMIN); // a license change resets every session
        open("license/license.xhtml");
        assertAll(
                () -> assertEquals(NEW_ID, waitUntilVisible(By.id("licenseId")).getText()),
                () -> assertEquals("Valid", browser.findElement(By.id("statusText")).getText()),
                () -> assertTrue(findNow(By.id("hardwareGraceUntil")).isEmpty(), "the grace is over: nothing to say"));
    }
}

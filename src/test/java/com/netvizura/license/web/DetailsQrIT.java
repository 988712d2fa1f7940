package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.TestUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The License Details' QR code on the License page in Chromium, read as a phone would read it: a screenshot of the
 * image decoded with zbar's {@code zbarimg} gives exactly the {@code mailto:} link that Send links to.
 */
class DetailsQrIT extends BrowserIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(DetailsQrIT.class, InitialLicense.VALID);
    }

    @Test
    void qrCode_screenshotDecodesToTheSendLink() throws Exception {
        logIn(TestUser.ADMIN);
        open("license/license.xhtml");
        WebElement qr = waitUntilVisible(By.id("nvlDetailsQr"));
        String sendLink = browser.findElement(By.id("sendLink")).getAttribute("href");

        Path shot = Path.of("target", "screenshots", "nvlDetailsQr.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, qr.getScreenshotAs(OutputType.BYTES));
        String decoded = zbarimg(shot);

        assertAll(
                () -> assertEquals("img", qr.getTagName()),
                () -> assertTrue(qr.getAttribute("alt").contains("sales@netvizura.com"), qr.getAttribute("alt")),
                () -> assertTrue(sendLink.startsWith("mailto:sales@netvizura.com?subject="), sendLink),
                () -> assertEquals(sendLink, decoded, "the code holds the link Send uses"));
    }

    /** What {@code zbarimg --raw} reads from {@code png} (installed by {@code .ci/test}). */
    private static String zbarimg(Path png) throws IOException, InterruptedException {
        // Only stdout: zbar may complain on stderr about D-Bus, which a test machine need not run.
        Process zbar = new ProcessBuilder("zbarimg", "--raw", "-q", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(zbar.waitFor(30, TimeUnit.SECONDS), "zbarimg ended");
        assertEquals(0, zbar.exitValue(), "zbarimg found a code: " + out);
        return out.strip();
    }
}

package com.netvizura.license.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through Debian's chromedriver. The driver path is explicit so that
 * Selenium Manager never tries to download anything; every browser gets a fresh profile directory.
 */
public final class Chromium {

    static final String ERROR_NO_CHROMIUM =
            "ERROR_NO_CHROMIUM: [%s] is missing; run .ci/test, or `apt-get install chromium chromium-driver`";

    private static final String BROWSER = System.getProperty("it.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A new headless browser with an empty profile; the caller quits it. */
    public static ChromeDriver start() {
        requireFile(BROWSER);
        requireFile(DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static void requireFile(String path) {
        if (!new File(path).canExecute()) {
            throw new IllegalStateException(String.format(ERROR_NO_CHROMIUM, path));
        }
    }

    private static Path freshProfile() {
        try {
            Path parent = Path.of(System.getProperty("it.browser.profiles", "target/browser-profiles"));
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "chromium-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

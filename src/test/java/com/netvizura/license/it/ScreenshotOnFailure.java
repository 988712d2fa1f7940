package com.netvizura.license.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Saves what the browser showed when a test failed: {@code target/screenshots/<Class>.<method>.png} and the
 * page's HTML beside it. It runs right after the test method, before any clean-up can change the page.
 */
public final class ScreenshotOnFailure implements AfterTestExecutionCallback {

    private final Supplier<WebDriver> browser;

    public ScreenshotOnFailure(Supplier<WebDriver> browser) {
        this.browser = browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        WebDriver driver = browser.get();
        if (context.getExecutionException().isPresent() && driver != null) {
            save(driver, context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
        }
    }

    /** Saves a screenshot and the HTML of the current page as {@code target/screenshots/<name>.png|.html}. */
    public static Path save(WebDriver driver, String name) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.netvizura.license.it;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of tests that drive a real headless Chromium against the deployed WAR. One browser per test class
 * (starting one costs about a second); each test starts logged out, with no cookies. A failing test leaves a
 * screenshot in {@code target/screenshots/}. Waits are explicit: wait for what a person would wait for.
 */
public abstract class BrowserIT extends NetVizuraIT {

    /** Longest wait for the page to show something; a healthy page needs well under a second. */
    protected static final Duration WAIT = Duration.ofSeconds(15);

    protected static WebDriver browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void startLoggedOut() {
        // Cookies are per site: open the application first so that its session cookie is the one deleted.
        open("");
        browser.manage().deleteAllCookies();
    }

    /** Opens {@code path} relative to the application root. */
    protected void open(String path) {
        browser.get(url(path).toString());
    }

    /** Opens the application and logs in through the login form; returns once the dashboard is shown. */
    protected void logIn(TestUser user) {
        open("");
        submitLogin(user.username(), user.password());
        waitUntilVisible(By.id("gearButton"));
    }

    /** Fills and submits the login form that is on the page now. */
    protected void submitLogin(String username, String password) {
        WebElement name = waitUntilVisible(By.id("j_username"));
        name.clear();
        name.sendKeys(username);
        WebElement secret = browser.findElement(By.id("j_password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("loginButton")).click();
    }

    /** Opens the gear menu in the top bar; returns its top level. */
    protected WebElement openGearMenu() {
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("gearButton"))).click();
        return waitUntilVisible(By.id("gearMenu"));
    }

    /**
     * Follows a path through the gear menu by element ids, as a person clicks, e.g.
     * {@code clickMenu("menuSettings", "menuControlPanel", "menuLicense")}. Submenus are {@code <li>} elements
     * whose link opens them; plain items carry the id on the link itself.
     */
    protected void clickMenu(String... ids) {
        openGearMenu();
        for (String id : ids) {
            WebElement item = waitUntilVisible(By.id(id));
            WebElement target = "li".equals(item.getTagName()) ? item.findElement(By.cssSelector(":scope > a")) : item;
            waitUntil(ExpectedConditions.elementToBeClickable(target)).click();
        }
    }

    protected WebElement waitUntilVisible(By locator) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    /** Elements matching {@code locator} now, without waiting: empty when the page does not have them. */
    protected List<WebElement> findNow(By locator) {
        return browser.findElements(locator);
    }

    /** Saves a screenshot of the page now as {@code target/screenshots/<name>.png}, e.g. to look at a layout. */
    protected void screenshot(String name) {
        ScreenshotOnFailure.save(browser, name);
    }
}

package com.netvizura.license.web;

import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.Chromium;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.Poll;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.web.page.LicenseNotice.Kind;
import com.netvizura.license.web.page.LicenseSummary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The license notice in the standalone shell, for a subscription that ends in 10 days: admins see it on every page
 * of the frame, with the date, the days left and a link to the License page; viewers never see it; Dismiss hides it in
 * that browser only, until the next threshold.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicenseNoticeIT extends BrowserIT {

    private static final LocalDate LAST_DAY = LocalDate.now().plusDays(10);
    private static final By NOTICE = By.id("nvlLicenseNotice");

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(LicenseNoticeIT.class, TestLicenses.subscription("NVZ-IT-NOTICE", "Notice Networks", LAST_DAY),
                Map.of());
    }

    @Test
    @Order(1)
    @Tag(NetVizuraIT.SMOKE)
    void admin_licenseEndingIn10Days_seesTheNotice_onTheDashboardAndOnAbout_withALinkToTheLicensePage() {
        logIn(TestUser.ADMIN);
        WebElement onDashboard = waitUntilVisible(NOTICE);
        String date = LicenseSummary.dateFormat(Locale.ENGLISH).format(LAST_DAY);

        assertAll(
                () -> assertTrue(onDashboard.getText().contains(
                        "The subscription ends on " + date + " (10 days left)."), onDashboard.getText()),
                () -> assertTrue(onDashboard.getText().contains("14 days of grace"), onDashboard.getText()),
                () -> assertEquals(Kind.USAGE.name(), onDashboard.getAttribute("data-nvl-kind")),
                () -> assertTrue(onDashboard.getAttribute("class").contains("nvl-notice-14"), "the colour of 14 days"),
                () -> assertEquals(1, findNow(NOTICE).size(), "placed once"));

        clickMenu("menuAbout");
        waitUntilVisible(By.id("productFacts"));
        WebElement onAbout = waitUntilVisible(NOTICE);
        assertTrue(onAbout.getText().contains("(10 days left)"), onAbout.getText());

        onAbout.findElement(By.linkText("Open the License page")).click();
        assertEquals("License", waitUntilVisible(By.id("pageTitle")).getText());
        assertAll(
                () -> assertTrue(waitUntilVisible(NOTICE).getText().contains("(10 days left)")),
                () -> assertTrue(browser.findElements(By.cssSelector("#nvlLicenseNotice a")).isEmpty(),
                        "no link to the page it is on"));
    }

    @Test
    @Order(2)
    void viewer_neverSeesTheNotice() {
        logIn(TestUser.USER);
        assertEquals("Dashboard", waitUntilVisible(By.id("pageTitle")).getText());
        List<WebElement> onDashboard = findNow(NOTICE);
        boolean inSource = browser.getPageSource().contains("nvlLicenseNotice");

        clickMenu("menuAbout");
        waitUntilVisible(By.id("productFacts"));

        assertAll(
                () -> assertTrue(onDashboard.isEmpty(), "no notice on the dashboard"),
                () -> assertFalse(inSource, "nothing of it in the page"),
                () -> assertTrue(findNow(NOTICE).isEmpty(), "no notice on About"));
    }

    @Test
    @Order(3)
    void dismiss_hidesItInThisBrowser_anotherBrowserStillSeesIt_theNextThresholdBringsItBack() throws Exception {
        logIn(TestUser.ADMIN);
        waitUntilVisible(NOTICE).findElement(By.cssSelector("button.nvl-notice-dismiss")).click();
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(NOTICE));

        open("index.xhtml");
        waitUntilVisible(By.id("gearButton"));
        assertTrue(findNow(NOTICE).isEmpty(), "still dismissed after a reload");
        open("license/about.xhtml");
        waitUntilVisible(By.id("productFacts"));
        assertTrue(findNow(NOTICE).isEmpty(), "dismissed on every page");

        ChromeDriver other = Chromium.start();
        try {
            logInWith(other, TestUser.ADMIN);
            assertTrue(new WebDriverWait(other, WAIT).until(ExpectedConditions.visibilityOfElementLocated(NOTICE))
                    .getText().contains("(10 days left)"), "another browser still sees it");
        } finally {
            other.quit();
        }

        // A renewal that ends sooner crosses the 7-day threshold: the notice is back in this browser too.
        OtherNode.on(dataHome()).apply(TestLicenses.subscription("NVZ-IT-NOTICE-5", "Notice Networks",
                LocalDate.now().plusDays(5)));
        awaitLicense("NVZ-IT-NOTICE-5");
        browser.manage().deleteCookieNamed("JSESSIONID");
        logIn(TestUser.ADMIN);
        WebElement back = waitUntilVisible(NOTICE);
        assertAll(
                () -> assertTrue(back.getText().contains("(5 days left)"), back.getText()),
                () -> assertTrue(back.getAttribute("class").contains("nvl-notice-7"), "the colour of 7 days"));
    }

    /** Waits until the deployed service shows license {@code id} (it sees another node's change within a second). */
    private void awaitLicense(String id) {
        Poll.until(Duration.ofSeconds(10), Duration.ofMillis(100), "the application shows " + id, () -> {
            WebClient viewer = new WebClient(url(""));
            viewer.logIn(TestUser.USER);
            return viewer.get("license/about.xhtml").body().contains(id);
        });
    }

    private void logInWith(WebDriver other, TestUser user) {
        other.get(url("").toString());
        WebDriverWait wait = new WebDriverWait(other, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username"))).sendKeys(user.username());
        other.findElement(By.id("j_password")).sendKeys(user.password());
        other.findElement(By.id("loginButton")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gearButton")));
    }
}

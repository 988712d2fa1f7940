package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The standalone shell in a real browser: login, the gear menu per role, and log out. */
class ShellIT extends BrowserIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(ShellIT.class, InitialLicense.VALID);
    }

    @Test
    @Tag(NetVizuraIT.SMOKE)
    void adminLogin_landsOnDashboard_gearMenuLeadsToLicenseAndAbout() {
        logIn(TestUser.ADMIN);
        assertEquals("Dashboard", waitUntilVisible(By.id("pageTitle")).getText());

        clickMenu("menuSettings", "menuControlPanel");
        WebElement license = waitUntilVisible(By.id("menuLicense"));

        assertAll(
                () -> assertEquals("License", license.getText()),
                () -> assertTrue(license.getAttribute("href").endsWith("/netvizura-license/license/license.xhtml"),
                        license.getAttribute("href")),
                () -> assertEquals("Settings", browser.findElement(By.cssSelector("#menuSettings > a")).getText()),
                () -> assertEquals("Control Panel",
                        browser.findElement(By.cssSelector("#menuControlPanel > a")).getText()),
                () -> assertEquals("About", browser.findElement(By.id("menuAbout")).getText()));
    }

    @Test
    void gearMenu_onAWideWindow_everySubmenuOpensToTheLeftOfItsItem_withinTheWindow() {
        browser.manage().window().setSize(new Dimension(1600, 900));
        try {
            logIn(TestUser.ADMIN);

            clickMenu("menuSettings", "menuControlPanel");
            waitUntilVisible(By.id("menuLicense"));

            Rectangle top = browser.findElement(By.id("gearMenu")).getRect();
            Rectangle settings = browser.findElement(By.cssSelector("#menuSettings > ul")).getRect();
            Rectangle controlPanel = browser.findElement(By.cssSelector("#menuControlPanel > ul")).getRect();
            assertAll(
                    () -> assertTrue(settings.getX() + settings.getWidth() <= top.getX() + 1,
                            "Settings opens left of the menu: " + settings + " / " + top),
                    () -> assertTrue(controlPanel.getX() + controlPanel.getWidth() <= settings.getX() + 1,
                            "Control Panel opens left of Settings, not back over the menu: " + controlPanel),
                    () -> assertTrue(controlPanel.getX() >= 0, "within the window: " + controlPanel));
            waitUntil(ExpectedConditions.elementToBeClickable(By.id("menuLicense"))).click();
            waitUntil(ExpectedConditions.urlContains("/license/license.xhtml"));
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void user_gearMenuHasAboutAndLogOutButNoLicense() {
        logIn(TestUser.USER);

        openGearMenu();

        assertAll(
                () -> assertTrue(waitUntilVisible(By.id("menuAbout")).isDisplayed()),
                () -> assertTrue(browser.findElement(By.id("menuLogout")).isDisplayed()),
                () -> assertTrue(findNow(By.id("menuSettings")).isEmpty(), "no Settings for a non-admin"),
                () -> assertTrue(findNow(By.id("menuLicense")).isEmpty(), "no License for a non-admin"));
    }

    @Test
    void logOut_returnsToLoginForm_andTheOldSessionIsGone() {
        logIn(TestUser.ADMIN);

        clickMenu("menuLogout");

        waitUntilVisible(By.id("j_username"));
        open("");
        assertTrue(waitUntilVisible(By.id("loginForm")).isDisplayed(), "opening the application asks for login again");
    }

    @Test
    void wrongPassword_showsErrorInTheBrowser_thenRightPasswordLogsIn() {
        open("");
        submitLogin(TestUser.ADMIN.username(), "wrong");

        assertTrue(waitUntilVisible(By.id("loginError")).getText().contains("user name or password is wrong"));

        submitLogin(TestUser.ADMIN.username(), TestUser.ADMIN.password());
        assertEquals("Dashboard", waitUntilVisible(By.id("pageTitle")).getText());
    }

    @Test
    void gearMenu_worksWithKeyboardOnly() {
        logIn(TestUser.ADMIN);
        WebElement gear = browser.findElement(By.id("gearButton"));

        gear.sendKeys(Keys.ENTER);
        WebElement settings = waitUntilVisible(By.cssSelector("#menuSettings > a"));
        waitUntil(ExpectedConditions.attributeToBe(settings, "tabindex", "0"));
        settings.sendKeys(Keys.ARROW_RIGHT);
        WebElement controlPanel = waitUntilVisible(By.cssSelector("#menuControlPanel > a"));
        controlPanel.sendKeys(Keys.ARROW_RIGHT);
        WebElement license = waitUntilVisible(By.id("menuLicense"));
        license.sendKeys(Keys.ENTER);

        waitUntil(ExpectedConditions.urlContains("/license/license.xhtml"));
    }
}

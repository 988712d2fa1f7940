package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.Axe;
import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Usage section of the License page in Chromium, as an admin sees it after growing the shell's stand-in device
 * list: the sentence, the bar, the 30-day peak and the chart of 60 days of peaks kept in {@code usage.csv} (five of
 * them over the limit of 100), named for a screen reader; and axe-core finds no serious or critical problem there.
 */
class UsageBrowserIT extends BrowserIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        WebArchive war = builtWar(UsageBrowserIT.class, TestLicenses.valid("NVZ-IT-USAGE-UI", TestLicenses.IT_LICENSEE),
                Map.of());
        StringBuilder csv = new StringBuilder("date,name,peak,limit\n");
        LocalDate today = LocalDate.now();
        for (int back = 60; back >= 1; back--) {
            long peak = back <= 5 ? 100 + back : 40 + back % 30;
            csv.append(today.minusDays(back)).append(",devices,").append(peak).append(",100\n");
        }
        try {
            Files.writeString(dataHome(UsageBrowserIT.class).resolve("license").resolve("usage.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return war;
    }

    /** The License page once its Usage section shows {@code sentence} (the meter takes up to a second). */
    private WebElement usageSectionSaying(String sentence) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            open("license/license.xhtml");
            WebElement section = waitUntilVisible(By.id("usageSection"));
            if (section.getText().contains(sentence)) {
                return section;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the Usage section never said " + sentence);
    }

    @Test
    void growingTheDeviceList_showsOnTheUsageSection_withItsChart() throws Exception {
        logIn(TestUser.ADMIN);
        int before = Integer.parseInt(waitUntilVisible(By.id("shellDeviceCount")).getText().split(" ")[0]);
        browser.findElement(By.id("shellDevicesForm:addTenDevices")).click();
        waitUntilVisible(By.id("shellDeviceCount"));
        int after = before + 10;

        WebElement section = usageSectionSaying(after + " of 100 devices in use (" + after + " %)");
        WebElement chart = section.findElement(By.cssSelector("svg.nvl-usage-chart"));
        List<WebElement> bars = chart.findElements(By.cssSelector("rect.nvl-usage-day"));
        List<WebElement> overBars = chart.findElements(By.cssSelector("rect.nvl-usage-day-over"));
        WebElement meter = section.findElement(By.cssSelector("[role=meter]"));

        assertAll(
                () -> assertEquals("Daily peaks of devices, last 90 days", chart.getAccessibleName()),
                () -> assertEquals(61, bars.size(), "60 days kept and today"),
                () -> assertEquals(5, overBars.size(), "the days over the limit"),
                () -> assertEquals(1, chart.findElements(By.cssSelector("line.nvl-usage-limit")).size()),
                () -> assertTrue(chart.getAttribute("aria-describedby").endsWith("-desc")),
                () -> assertEquals(String.valueOf(after), meter.getAttribute("aria-valuenow")),
                () -> assertTrue(section.getText().contains("30-day peak: 105"), section.getText()),
                () -> assertTrue(section.findElement(By.id("usageDownload")).isDisplayed()));
    }

    @Test
    void licensePageWithTheUsageSection_breaksNoSeriousRule() throws Exception {
        logIn(TestUser.ADMIN);
        usageSectionSaying("devices in use");

        Axe.Report report = Axe.check(browser, "License page with Usage");
        if (!report.blocking().isEmpty()) {
            screenshot("axe-usage");
        }
        assertEquals(List.of(), report.blocking(), report.details());
    }
}

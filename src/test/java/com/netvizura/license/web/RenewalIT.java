package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.BrowserIT;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.Poll;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.store.LicenseDirectorySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 12 on the License page, in Chromium on Tomcat: the pop-up after a renewal says what it extends; a key that
 * gives less shows what would be lost and changes nothing on disk until Apply anyway (Cancel leaves key, history and
 * state byte for byte as they were); a confirmation that no longer fits the key waiting applies nothing; the History
 * downloads an earlier key for admins only and applies it again through the same checks.
 *
 * <p>Every test first makes a key of its own the active one (through a second node on the data directory) and waits
 * until the deployment shows it, so the tests do not depend on each other's order.
 */
class RenewalIT extends BrowserIT {

    private static final LocalDate YEAR = LocalDate.now().plusYears(1);
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern DOWNLOAD = Pattern.compile("href=\"([^\"]*license/history-key\\?file=([^\"]+))\"");

    private static OtherNode otherNode;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(RenewalIT.class, InitialLicense.VALID);
    }

    @Test
    void upload_renewalOfTheActiveLicense_popUpSaysWhatItRenewsAndExtends() {
        String active = activeKeyIs(key(PageKeys.newId(), YEAR, List.of("netflow", "eventlog"), 100L, null));
        String renewal = PageKeys.newId();
        logIn(TestUser.ADMIN);
        openLicensePage(active);

        upload(PageKeys.file("renewal.key", key(renewal, YEAR.plusYears(1), List.of("netflow", "eventlog"), 100L,
                active)));

        WebElement popUp = waitUntilVisible(By.id("appliedDialog"));
        assertAll(
                () -> assertEquals("Renews " + active + ": maintenance and support until " + YEAR.plusYears(1)
                        + " (was " + YEAR + ").", browser.findElement(By.id("renewalMessage")).getText()),
                () -> assertTrue(popUp.getText().contains(renewal), popUp.getText()),
                () -> assertTrue(findNow(By.id("heldKey")).isEmpty(), "a renewal is applied at once"));
    }

    @Test
    void upload_shorterKey_showsWhatWouldBeLost_cancelChangesNothing_applyAnywayAppliesIt() throws Exception {
        String active = activeKeyIs(key(PageKeys.newId(), YEAR, List.of("netflow", "eventlog"), 100L, null));
        String shorterId = PageKeys.newId();
        LocalDate shorterEnd = YEAR.minusDays(100);
        byte[] shorter = key(shorterId, shorterEnd, List.of("netflow"), 100L, null);
        Path file = PageKeys.file("shorter.key", shorter);
        logIn(TestUser.ADMIN);
        openLicensePage(active);
        Map<String, String> before = licenseFiles();
        int auditBefore = auditLines().size();

        upload(file);

        WebElement held = waitUntilVisible(By.id("heldKey"));
        List<String> losses = browser.findElements(By.cssSelector("#heldLosses li")).stream()
                .map(WebElement::getText).toList();
        assertAll(
                () -> assertTrue(held.getText().contains("This key gives less than the active license"), held.getText()),
                () -> assertTrue(browser.findElement(By.id("heldIntro")).getText().contains(shorterId + " (licensed to "
                        + TestLicenses.IT_LICENSEE + ") would replace license " + active), held.getText()),
                () -> assertEquals(List.of("Maintenance and support would end on " + shorterEnd + " instead of " + YEAR
                        + " (100 days earlier).", "Module eventlog would no longer be licensed."), losses),
                () -> assertTrue(findNow(By.cssSelector("#uploadDialog")).stream().noneMatch(WebElement::isDisplayed),
                        "the upload dialog closed"),
                () -> assertEquals(active, browser.findElement(By.id("licenseId")).getText()),
                () -> assertEquals(before, licenseFiles(), "held: key, history and state byte for byte"));
        screenshot("held-key");

        waitUntil(ExpectedConditions.elementToBeClickable(By.id("heldForm:cancelHeldButton"))).click();

        String cancelled = waitUntilVisible(By.id("heldOutcomeMessage")).getText();
        List<String> audit = auditLines();
        assertAll(
                () -> assertEquals("Cancelled: license key " + shorterId + " was not applied. Your current license is "
                        + "unchanged.", cancelled),
                () -> assertTrue(findNow(By.id("heldKey")).isEmpty(), "nothing waits any more"),
                () -> assertEquals(before, licenseFiles(), "cancelled: key, history and state byte for byte"),
                () -> assertEquals(auditBefore + 2, audit.size(), "one line for the held key, one for the cancel"),
                () -> assertEquals("HELD", outcomeOf(audit.get(audit.size() - 2)), audit.toString()),
                () -> assertEquals("CANCELLED", outcomeOf(audit.get(audit.size() - 1)), audit.toString()));

        upload(file);
        waitUntilVisible(By.id("heldKey"));
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("heldForm:applyAnywayButton"))).click();

        WebElement popUp = waitUntilVisible(By.id("appliedDialog"));
        List<String> after = auditLines();
        assertAll(
                () -> assertTrue(popUp.getText().contains(shorterId), popUp.getText()),
                () -> assertArrayEquals(shorter, Files.readAllBytes(activeKeyFile()), "applied byte for byte"),
                () -> assertEquals(shorterId, browser.findElement(By.id("licenseId")).getText()),
                () -> assertTrue(after.get(after.size() - 1).contains("Applied anyway, although it gives less"),
                        after.get(after.size() - 1)));
    }

    @Test
    void applyAnyway_onAPageThatShowsAnotherKeyThanTheOneWaiting_appliesNothingAndSaysWhy() throws Exception {
        String active = activeKeyIs(key(PageKeys.newId(), YEAR, List.of("netflow", "eventlog"), 100L, null));
        String fewerModules = PageKeys.newId();
        String lowerLimit = PageKeys.newId();
        logIn(TestUser.ADMIN);
        openLicensePage(active);
        upload(PageKeys.file("fewer-modules.key", key(fewerModules, YEAR, List.of("netflow"), 100L, null)));
        waitUntilVisible(By.id("heldKey"));
        String firstWindow = browser.getWindowHandle();
        byte[] keyBefore = Files.readAllBytes(activeKeyFile());
        Map<String, String> before;

        // A second window of the same session chooses another key that gives less: that one waits now.
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            openLicensePage(active);
            upload(PageKeys.file("lower-limit.key", key(lowerLimit, YEAR, List.of("netflow", "eventlog"), 10L, null)));
            waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("heldIntro"), lowerLimit));
            before = licenseFiles();
        } finally {
            browser.close();
            browser.switchTo().window(firstWindow);
        }
        assertTrue(browser.findElement(By.id("heldIntro")).getText().contains(fewerModules), "the first window's key");

        browser.findElement(By.id("heldForm:applyAnywayButton")).click();

        String why = waitUntilVisible(By.id("heldOutcomeMessage")).getText();
        List<String> audit = auditLines();
        Map<String, String> after = licenseFiles();
        assertAll(
                () -> assertTrue(why.startsWith("Nothing was applied: the key you confirmed is no longer the one "
                        + "waiting to be applied"), why),
                () -> assertArrayEquals(keyBefore, Files.readAllBytes(activeKeyFile()), "the active key is unchanged"),
                () -> assertEquals(before, after, "key, history and state byte for byte"),
                () -> assertEquals("REFUSED", outcomeOf(audit.get(audit.size() - 1)), audit.toString()),
                () -> assertTrue(browser.findElement(By.id("heldIntro")).getText().contains(lowerLimit),
                        "the page now shows the key that waits"),
                () -> assertEquals(active, browser.findElement(By.id("licenseId")).getText()));
    }

    @Test
    void history_applyAgain_goesThroughTheSameChecks_thenTheKeyIsActiveAgain() throws Exception {
        byte[] earlier = key(PageKeys.newId(), YEAR, List.of("netflow", "eventlog"), 100L, null);
        String earlierId = activeKeyIs(earlier);
        String later = activeKeyIs(key(PageKeys.newId(), YEAR.plusDays(30), List.of("netflow", "eventlog"), 100L,
                null));
        logIn(TestUser.ADMIN);
        openLicensePage(later);
        WebElement row = historyRow(earlierId);
        assertAll(
                () -> assertTrue(row.getText().contains("perpetual license"), row.getText()),
                () -> assertTrue(row.getText().contains("by it-admin (127.0.0.2)"), "who applied it: " + row.getText()));

        row.findElement(By.cssSelector("button.nvl-history-apply")).click();

        List<String> losses = waitUntilVisible(By.id("heldKey")).findElements(By.cssSelector("#heldLosses li"))
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("Maintenance and support would end on " + YEAR + " instead of " + YEAR.plusDays(30)
                + " (30 days earlier)."), losses);
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("heldForm:applyAnywayButton"))).click();

        waitUntilVisible(By.id("appliedDialog"));
        assertAll(
                () -> assertArrayEquals(earlier, Files.readAllBytes(activeKeyFile()), "the earlier key, byte for byte"),
                () -> assertEquals(earlierId, browser.findElement(By.id("licenseId")).getText()),
                () -> assertTrue(historyRow(earlierId).getText().contains("Active now"), historyRow(earlierId).getText()),
                () -> assertFalse(historyRow(later).findElements(By.cssSelector("button.nvl-history-apply")).isEmpty(),
                        "the key it replaced can be applied again"));
    }

    @Test
    void history_download_givesAdminsTheKeyByteForByte_viewersGet403() throws Exception {
        byte[] earlier = key(PageKeys.newId(), YEAR, List.of("netflow", "eventlog"), 100L, null);
        String earlierId = activeKeyIs(earlier);
        String later = activeKeyIs(key(PageKeys.newId(), YEAR.plusDays(1), List.of("netflow", "eventlog"), 100L,
                null));
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get("license/license.xhtml").body();
        assertTrue(page.contains(later), "the page shows the later key");
        String link = downloadLinks(page).get(earlierId);
        assertTrue(link != null, "a download link for " + earlierId + ": " + downloadLinks(page));

        HttpResponse<String> download = admin.get(link);
        WebClient viewer = new WebClient(url(""));
        viewer.logIn(TestUser.USER);
        HttpResponse<String> refused = viewer.get(link);
        HttpResponse<String> anonymous = new WebClient(url("")).get(link);
        HttpResponse<String> madeUp = admin.get("license/history-key?file=..%2Flicense.key");
        HttpResponse<String> none = admin.get("license/history-key");

        assertAll(
                () -> assertEquals(200, download.statusCode()),
                () -> assertArrayEquals(earlier, download.body().getBytes(StandardCharsets.US_ASCII), "byte for byte"),
                () -> assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                        .matches("attachment; filename=\"\\d{8}T\\d{6}\\.\\d{3}Z_" + earlierId + "\\.key\""),
                        download.headers().toString()),
                () -> assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse("")),
                () -> assertEquals(403, refused.statusCode(), "a viewer gets no key"),
                () -> assertFalse(refused.body().contains("BEGIN NETVIZURA LICENSE KEY"), refused.body()),
                () -> assertTrue(anonymous.body().contains("name=\"j_username\""), "anonymous: the login form"),
                () -> assertEquals(404, madeUp.statusCode(), "a name not in the history"),
                () -> assertEquals(404, none.statusCode(), "no name"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A perpetual key for this server and the deployment's licensee. */
    private static byte[] key(String id, LocalDate maintenanceUntil, List<String> modules, long devices,
            String supersedes) {
        return TestLicenses.sign(new License(id, Instant.now().minus(1, ChronoUnit.HOURS), TestLicenses.IT_LICENSEE,
                null, LicenseType.PERPETUAL, maintenanceUntil, null, TestLicenses.thisMachineCode(), modules,
                Map.of("devices", devices), supersedes, Map.of()));
    }

    /**
     * Makes {@code key} the active one through a second node (confirming it when it gives less) and waits until the
     * deployment shows it, so that a session made afterwards is not reset by that change; returns its id.
     */
    private String activeKeyIs(byte[] key) {
        try {
            String id = otherNode().apply(key).license().id();
            Poll.until(WAIT, Duration.ofMillis(200), "the deployment shows " + id, () -> {
                WebClient probe = new WebClient(url(""));
                probe.logIn(TestUser.ADMIN);
                return probe.get("license/license.xhtml").body().contains("<dd id=\"licenseId\">" + id + "</dd>");
            });
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized OtherNode otherNode() {
        if (otherNode == null) {
            otherNode = OtherNode.on(dataHome());
        }
        return otherNode;
    }

    private void openLicensePage(String activeId) {
        open("license/license.xhtml");
        assertEquals(activeId, waitUntilVisible(By.id("licenseId")).getText());
    }

    /** Upload as a person does it: the Upload button opens the dialog, the file chooser takes the file. */
    private void upload(Path keyFile) {
        waitUntil(ExpectedConditions.elementToBeClickable(By.id("sendForm:uploadButton"))).click();
        waitUntilVisible(By.id("uploadDialog"));
        browser.findElement(By.cssSelector("#uploadDialog input[type=file]")).sendKeys(keyFile.toString());
    }

    /** The History row of {@code licenseId}. */
    private WebElement historyRow(String licenseId) {
        return waitUntilVisible(By.xpath("//div[@id='history']//tr[.//span[@class='nvl-history-id' "
                + "and text()='" + licenseId + "']]"));
    }

    /** The History's download links by license id (the last one wins), relative to the application root. */
    private static Map<String, String> downloadLinks(String page) {
        Map<String, String> links = new TreeMap<>();
        Matcher m = DOWNLOAD.matcher(page);
        while (m.find()) {
            String name = m.group(2);
            String id = name.substring(name.indexOf('_') + 1, name.length() - ".key".length());
            links.put(id, "license/history-key?file=" + name);
        }
        return links;
    }

    private Map<String, String> licenseFiles() throws IOException {
        return LicenseDirectorySnapshot.of(activeKeyFile().getParent());
    }

    private static String outcomeOf(String auditLine) {
        Matcher m = OUTCOME.matcher(auditLine);
        return m.find() ? m.group(1) : "(no outcome) " + auditLine;
    }

    private List<String> auditLines() {
        try {
            return Files.readAllLines(activeKeyFile().resolveSibling("audit.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

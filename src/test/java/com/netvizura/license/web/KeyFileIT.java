package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.Settings;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.LicenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The key file ({@code netvizura.license.keyFile}) on Tomcat, as an unattended install uses it: the key placed
 * before the start is applied at start, a changed file is applied within seconds, and a key that gives less is held
 * and offered on the License page for Apply anyway. The methods run in order, each on what the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyFileIT extends NetVizuraIT {

    private static final byte[] INITIAL = TestLicenses.perpetual("NVZ-IT-KEYFILE-0", TestLicenses.IT_LICENSEE,
            TestLicenses.thisMachineCode(), LocalDate.now().plusDays(300));
    private static final byte[] AT_START = TestLicenses.perpetual("NVZ-IT-KEYFILE-1", TestLicenses.IT_LICENSEE,
            TestLicenses.thisMachineCode(), LocalDate.now().plusDays(400));

    /** Outside the data directory, as a site keeps it (e.g. /etc/netvizura/license.key). */
    static Path keyFile() {
        return Path.of("target", "it-keyfiles", System.getProperty("arquillian.launch", "tomcat10"), "license.key")
                .toAbsolutePath();
    }

    @Deployment(testable = false)
    public static WebArchive deployment() {
        try {
            Files.createDirectories(keyFile().getParent());
            Files.write(keyFile(), AT_START);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builtWar(KeyFileIT.class, INITIAL, Map.of(Settings.KEY_FILE, keyFile().toString(),
                Settings.API_TOKEN, StatusApiCalls.TOKEN));
    }

    /** Replaces the file as Ansible's copy module does: a temporary file renamed over it. */
    private static void place(byte[] key) throws IOException {
        Path temp = keyFile().resolveSibling("license.key.tmp");
        Files.write(temp, key);
        Files.move(temp, keyFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private AuditEntry lastAudit() throws Exception {
        List<AuditEntry> audit = LicenseStore.open(dataHome().resolve("license"), b -> Optional.empty(),
                Clock.systemUTC()).auditLog();
        return audit.get(audit.size() - 1);
    }

    private void awaitLicense(String id) throws InterruptedException {
        WebClient monitoring = new WebClient(url(""));
        for (int i = 0; i < 75; i++) {
            if (id.equals(StatusApiCalls.status(monitoring).getString("licenseId"))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("license " + id + " never became active: " + StatusApiCalls.status(monitoring));
    }

    @Test
    @Order(1)
    void keyInTheFileAtStart_isApplied_byKeyFile() throws Exception {
        AuditEntry audited = lastAudit();

        assertAll(
                () -> assertArrayEquals(AT_START, Files.readAllBytes(activeKeyFile())),
                () -> assertEquals("NVZ-IT-KEYFILE-1", StatusApiCalls.status(new WebClient(url(""))).getString("licenseId")),
                () -> assertEquals(AuditEntry.Outcome.APPLIED, audited.outcome()),
                () -> assertEquals("key-file", audited.user()));
    }

    @Test
    @Order(2)
    void changedFile_isApplied_andThePageSaysSo() throws Exception {
        byte[] renewal = TestLicenses.perpetual("NVZ-IT-KEYFILE-2", TestLicenses.IT_LICENSEE,
                TestLicenses.thisMachineCode(), LocalDate.now().plusDays(700));

        place(renewal);
        awaitLicense("NVZ-IT-KEYFILE-2");
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get("license/license.xhtml").body();

        assertArrayEquals(renewal, Files.readAllBytes(activeKeyFile()));
        assertTrue(page.contains("id=\"keyFileStatus\"") && page.contains("NVZ-IT-KEYFILE-2 is active now"), page);
    }

    @Test
    @Order(3)
    void lesserKeyInTheFile_isHeld_andThePageOffersApplyAnyway() throws Exception {
        byte[] before = Files.readAllBytes(activeKeyFile());
        place(TestLicenses.perpetual("NVZ-IT-KEYFILE-3", TestLicenses.IT_LICENSEE, TestLicenses.thisMachineCode(),
                LocalDate.now().plusDays(50)));
        AuditEntry audited = null;
        for (int i = 0; i < 75 && (audited == null || audited.outcome() != AuditEntry.Outcome.HELD); i++) {
            Thread.sleep(200);
            audited = lastAudit();
        }
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        HttpResponse<String> page = admin.get("license/license.xhtml");

        AuditEntry held = audited;
        assertAll(
                () -> assertEquals(AuditEntry.Outcome.HELD, held.outcome()),
                () -> assertEquals("key-file", held.user()),
                () -> assertEquals("NVZ-IT-KEYFILE-3", held.licenseId()),
                () -> assertArrayEquals(before, Files.readAllBytes(activeKeyFile()), "not applied from a file"),
                () -> assertTrue(page.body().contains("id=\"heldKey\""), "the held key is shown"),
                () -> assertTrue(page.body().contains("NVZ-IT-KEYFILE-3"), "by its id"),
                () -> assertTrue(page.body().contains("applyAnywayButton"), "with Apply anyway"),
                () -> assertTrue(page.body().contains("gives less than the active license"), page.body()));
    }

    @Test
    @Order(4)
    void missingFile_isSaidOnThePage_andChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(activeKeyFile());
        Files.delete(keyFile());
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = "";
        for (int i = 0; i < 75 && !page.contains("does not exist"); i++) {
            Thread.sleep(200);
            page = admin.get("license/license.xhtml").body();
        }

        assertTrue(page.contains("does not exist"), page);
        assertArrayEquals(before, Files.readAllBytes(activeKeyFile()));
    }
}

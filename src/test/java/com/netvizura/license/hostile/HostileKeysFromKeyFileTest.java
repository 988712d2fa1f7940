package com.netvizura.license.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.hostile.HostileKeyCorpus.Entry;
import com.netvizura.license.model.Actor;
import com.netvizura.license.service.KeyFileStatus;
import com.netvizura.license.service.LicenseHeldException;
import com.netvizura.license.service.LicenseRefusedException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.LicenseStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus file once as an upload and once as the key file ({@code netvizura.license.keyFile}) of a server
 * starting with the corpus' valid key active: both paths come to the same outcome (applied, or refused with the same
 * sentence, the active key unchanged), and the key file's audit line names the actor {@code key-file}.
 */
class HostileKeysFromKeyFileTest {

    private static final Actor ADMIN = new Actor("admin", "192.0.2.7");

    @TempDir
    Path temp;

    static Stream<Entry> corpus() {
        return HostileKeyCorpus.entries().stream();
    }

    /** A server whose data directory holds the corpus' valid key, with {@code keyFile} set when not null. */
    private static LicenseService start(Path home, Path keyFile) throws Exception {
        Files.createDirectories(home.resolve("license"));
        Files.write(home.resolve("license/license.key"), HostileKeyCorpus.resource("valid.key"));
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        if (keyFile != null) {
            sys.setProperty(Settings.KEY_FILE, keyFile.toString());
        }
        return LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(),
                HostileKeyCorpus.probeHere(), HostileKeyCorpus.trustedKeys(), HostileKeyCorpus.BUILD,
                HostileKeyCorpus.CLOCK, "test");
    }

    /** What an upload came to, in the words the key file's status uses. */
    private static String uploadOutcome(LicenseService service, byte[] key) {
        try {
            return service.apply(key, ADMIN).changed() ? "APPLIED" : "ACTIVE";
        } catch (LicenseHeldException e) {
            return "HELD " + e.getMessage();
        } catch (LicenseRefusedException e) {
            return "REFUSED " + e.getMessage();
        }
    }

    private static String keyFileOutcome(KeyFileStatus status) {
        return switch (status.outcome()) {
            case REFUSED, HELD -> status.outcome() + " " + status.held().map(h -> h.reason().getMessage())
                    .orElse(status.sentence());
            default -> status.outcome().name();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void keyFile_andUpload_cometoTheSameOutcome(Entry entry) throws Exception {
        LicenseService uploading = start(temp.resolve("upload"), null);
        String byUpload;
        try {
            byUpload = uploadOutcome(uploading, entry.bytes());
        } finally {
            uploading.stop();
        }
        Path file = Files.write(temp.resolve("netvizura.key"), entry.bytes());
        Path home = temp.resolve("keyfile");
        LicenseService fromFile = start(home, file);
        KeyFileStatus status;
        try {
            status = fromFile.keyFileStatus().orElseThrow();
        } finally {
            fromFile.stop();
        }

        String byFile = keyFileOutcome(status);
        if (byUpload.startsWith("REFUSED ")) {
            // The key file's sentence names the file around the same reason and ends as every refusal does.
            String reason = byUpload.substring("REFUSED ".length());
            assertTrue(byFile.startsWith("REFUSED ") && byFile.contains(reason), byUpload + " / " + byFile);
            assertTrue(status.sentence().endsWith("Your current license is unchanged."), status.sentence());
            assertArrayEquals(HostileKeyCorpus.resource("valid.key"), Files.readAllBytes(
                    home.resolve("license/license.key")), "the current license is unchanged");
        } else {
            assertEquals(byUpload, byFile);
        }
        if (!"ACTIVE".equals(byFile)) {
            List<AuditEntry> audit = LicenseStore.open(home.resolve("license"), b -> Optional.empty(),
                    HostileKeyCorpus.CLOCK).auditLog();
            assertEquals("key-file", audit.get(audit.size() - 1).user());
        }
    }
}

package com.netvizura.license.hostile;

import com.netvizura.license.hostile.HostileKeyCorpus.Entry;
import com.netvizura.license.hostile.HostileKeyCorpus.Kind;
import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.model.Actor;
import com.netvizura.license.service.AppliedLicense;
import com.netvizura.license.service.LicenseHeldException;
import com.netvizura.license.service.LicenseRefusedException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.LicenseStore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every corpus file uploaded through {@link LicenseService#apply} with a real data directory (only the hardware
 * probe and the clock are fakes): a hostile key is refused with its reason, the active key stays byte for byte,
 * the epoch stays, and the refusal is in the audit log; a friendly key is applied.
 */
class HostileKeysThroughServiceTest {

    private static final Actor ADMIN = new Actor("admin", "192.0.2.7");

    @TempDir
    static Path home;
    private static LicenseService service;
    private static byte[] baseline;

    @BeforeAll
    static void startWithTheValidKey() throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        service = LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(), HostileKeyCorpus.probeHere(),
                HostileKeyCorpus.trustedKeys(), HostileKeyCorpus.BUILD, HostileKeyCorpus.CLOCK, "test");
        baseline = HostileKeyCorpus.resource("valid.key");
        applyAsAnAdmin(baseline);
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @BeforeEach
    void baselineIsActive() throws Exception {
        applyAsAnAdmin(baseline);
        assertArrayEquals(baseline, activeKey());
    }

    /** Applies {@code key}, pressing Apply anyway as an admin would when it gives less than the active one. */
    private static AppliedLicense applyAsAnAdmin(byte[] key) throws LicenseRefusedException {
        try {
            return service.apply(key, ADMIN);
        } catch (LicenseHeldException held) {
            return service.applyAnyway(key, held.confirmation(), ADMIN);
        }
    }

    static Stream<Entry> corpus() {
        return HostileKeyCorpus.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void upload_endsInTheExpectedOutcome_andARefusalChangesNothing(Entry entry) throws Exception {
        long epoch = service.epoch();
        int auditLines = audit().size();

        if (entry.expected().kind() == Kind.ACCEPTED) {
            AppliedLicense applied = applyAsAnAdmin(entry.bytes());
            assertTrue(applied.verdict().operational(), applied.verdict().explanation());
            assertArrayEquals(entry.bytes(), activeKey(), "the key is stored byte for byte as uploaded");
            return;
        }
        LicenseRefusedException e = assertThrows(LicenseRefusedException.class,
                () -> service.apply(entry.bytes(), ADMIN), entry.description());

        if (entry.expected().kind() == Kind.REFUSED) {
            assertEquals(LicenseRefusedException.Cause.NOT_A_VALID_KEY, e.refusal(), e.getMessage());
            assertEquals(entry.expected().detail(),
                    assertInstanceOf(LicenseKeyException.class, e.getCause()).reason().name());
        } else {
            assertEquals(LicenseRefusedException.Cause.NOT_USABLE_HERE, e.refusal(), e.getMessage());
        }
        assertTrue(e.getMessage().length() > 20, "the admin is told why: " + e.getMessage());
        assertArrayEquals(baseline, activeKey(), "the current license is unchanged");
        assertEquals(epoch, service.epoch());
        assertEquals("NVZ-2026-H00001", service.verdict().license().orElseThrow().id());
        List<AuditEntry> audit = audit();
        assertEquals(auditLines + 1, audit.size(), "one audit line per refusal");
        AuditEntry last = audit.get(audit.size() - 1);
        assertEquals(AuditEntry.Outcome.REFUSED, last.outcome());
        assertEquals("admin", last.user());
        assertEquals("192.0.2.7", last.remoteAddress());
        assertEquals(e.getMessage(), last.reason());
    }

    private static byte[] activeKey() throws Exception {
        return Files.readAllBytes(home.resolve("license/license.key"));
    }

    private static List<AuditEntry> audit() throws Exception {
        return LicenseStore.open(home.resolve("license"), b -> Optional.empty(), HostileKeyCorpus.CLOCK).auditLog();
    }
}

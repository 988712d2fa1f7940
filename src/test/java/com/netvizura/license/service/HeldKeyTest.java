package com.netvizura.license.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseChange;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.KeyDigest;
import com.netvizura.license.store.LicenseDirectorySnapshot;
import com.netvizura.license.store.LicenseStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewals and keys that give less, through the service on a real data directory: a held key changes nothing on
 * disk but one audit line, Apply anyway applies it only as confirmed, a stale confirmation applies nothing.
 */
class HeldKeyTest {

    private static final VendorKeyPair VENDOR = VendorKeyPair.generate();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final Actor ADMIN = new Actor("admin", "192.0.2.7");
    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "nv1", "Debian GNU/Linux 12");
    private static final MachineFacts ELSEWHERE = new MachineFacts(null, null, "BFEBFBFF000A0671",
            "9f1b2c3d4e5f60718293a4b5c6d7e8f9", List.of("3c:ec:ef:12:34:56"), null, "nv2", "Debian GNU/Linux 12");
    private static final LocalDate END_2027 = LocalDate.parse("2027-12-20");
    private static final LocalDate MID_2027 = LocalDate.parse("2027-06-01");

    @TempDir
    Path home;

    private LicenseService service;
    private final List<LicenseService> started = new ArrayList<>();
    private byte[] active;

    @BeforeEach
    void startWithAPerpetualLicense() throws Exception {
        service = startService();
        active = key("NVZ-2026-000001", END_2027, List.of("netflow", "eventlog"), null);
        service.apply(active, ADMIN);
    }

    @AfterEach
    void stopEverything() {
        started.forEach(LicenseService::stop); // their threads must not outlive the test's data directory
    }

    private LicenseService startService() throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        LicenseService fresh = LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(), () -> HERE,
                TrustedKeys.of(VENDOR.publicKey()), BUILD, CLOCK, "test");
        started.add(fresh);
        return fresh;
    }

    private static byte[] key(String id, LocalDate maintenanceUntil, List<String> modules, String supersedes) {
        return key(id, maintenanceUntil, modules, supersedes, HERE);
    }

    private static byte[] key(String id, LocalDate maintenanceUntil, List<String> modules, String supersedes,
            MachineFacts machine) {
        License license = new License(id, CLOCK.instant().minusSeconds(3600), "ACME Networks", null,
                LicenseType.PERPETUAL, maintenanceUntil, null, InstallationCodes.of(machine).value(), modules,
                Map.of("devices", 100L), supersedes, Map.of());
        return LicenseKeySigner.sign(license, VENDOR.privateKey()).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] shorter() {
        return key("NVZ-2026-000002", MID_2027, List.of("netflow"), null);
    }

    private Map<String, String> filesOnDisk() throws Exception {
        return LicenseDirectorySnapshot.of(home.resolve("license"));
    }

    private List<AuditEntry> audit() throws Exception {
        return LicenseStore.open(home.resolve("license"), b -> Optional.empty(), CLOCK).auditLog();
    }

    private AuditEntry lastAudit() throws Exception {
        List<AuditEntry> log = audit();
        return log.get(log.size() - 1);
    }

    @Test
    void apply_renewalOfTheActiveLicense_saysWhatItRenewsAndExtends() throws Exception {
        AppliedLicense applied = service.apply(key("NVZ-2027-000002", LocalDate.parse("2028-12-20"),
                List.of("netflow", "eventlog"), "NVZ-2026-000001"), ADMIN);

        assertTrue(applied.changed());
        assertEquals(Optional.of("Renews NVZ-2026-000001: maintenance and support until 2028-12-20 (was 2027-12-20)."),
                applied.renewal());
    }

    @Test
    void apply_keyThatDoesNotRenewTheActiveOne_saysNothingOfARenewal() throws Exception {
        AppliedLicense applied = service.apply(key("NVZ-2027-000002", LocalDate.parse("2028-12-20"),
                List.of("netflow", "eventlog"), null), ADMIN);

        assertEquals(Optional.empty(), applied.renewal());
    }

    @Test
    void apply_keyThatGivesLess_isHeld_nothingOnDiskChangesButOneAuditLine() throws Exception {
        Map<String, String> before = filesOnDisk();
        int auditLines = audit().size();
        long epoch = service.epoch();

        LicenseHeldException held = assertThrows(LicenseHeldException.class, () -> service.apply(shorter(), ADMIN));

        assertEquals(LicenseRefusedException.Cause.GIVES_LESS, held.refusal());
        assertEquals(List.of(LicenseChange.Loss.Kind.MAINTENANCE_ENDS_EARLIER, LicenseChange.Loss.Kind.MODULE_DROPPED),
                held.change().losses().stream().map(LicenseChange.Loss::kind).toList());
        assertEquals("NVZ-2026-000002", held.license().id());
        assertEquals(new Confirmation(KeyDigest.sha256(shorter()), epoch), held.confirmation());
        assertTrue(held.getMessage().contains("Module eventlog would no longer be licensed."), held.getMessage());
        assertEquals(before, filesOnDisk(), "key, history and state byte for byte");
        assertEquals(epoch, service.epoch());
        assertEquals("NVZ-2026-000001", service.verdict().license().orElseThrow().id());
        assertEquals(auditLines + 1, audit().size());
        AuditEntry line = lastAudit();
        assertEquals(AuditEntry.Outcome.HELD, line.outcome());
        assertEquals("NVZ-2026-000002", line.licenseId());
        assertEquals(String.join(" ", held.change().lossSentences()), line.reason());
    }

    @Test
    void applyAnyway_asConfirmed_appliesTheKey_andAuditsWhatWasGivenUp() throws Exception {
        LicenseHeldException held = assertThrows(LicenseHeldException.class, () -> service.apply(shorter(), ADMIN));

        AppliedLicense applied = service.applyAnyway(shorter(), held.confirmation(), ADMIN);

        assertTrue(applied.changed());
        assertEquals("NVZ-2026-000002", service.verdict().license().orElseThrow().id());
        assertArrayEquals(shorter(), Files.readAllBytes(home.resolve("license/license.key")));
        assertEquals(List.of("NVZ-2026-000001"), service.history().stream().map(PreviousKey::licenseId).toList());
        AuditEntry line = lastAudit();
        assertEquals(AuditEntry.Outcome.APPLIED, line.outcome());
        assertEquals("Applied anyway, although it gives less: " + String.join(" ", held.change().lossSentences()),
                line.reason());
    }

    @Test
    void cancel_auditsTheCancel_andChangesNothingElse() throws Exception {
        Map<String, String> before = filesOnDisk();
        assertThrows(LicenseHeldException.class, () -> service.apply(shorter(), ADMIN));

        service.cancel(shorter(), ADMIN);

        assertEquals(before, filesOnDisk());
        List<AuditEntry> audit = audit();
        assertEquals(List.of(AuditEntry.Outcome.HELD, AuditEntry.Outcome.CANCELLED),
                audit.subList(audit.size() - 2, audit.size()).stream().map(AuditEntry::outcome).toList());
        assertEquals("NVZ-2026-000002", lastAudit().licenseId());
    }

    @Test
    void applyAnyway_forOtherKeyBytesThanConfirmed_isStale_nothingApplied() throws Exception {
        LicenseHeldException held = assertThrows(LicenseHeldException.class, () -> service.apply(shorter(), ADMIN));
        byte[] another = key("NVZ-2026-000003", MID_2027, List.of(), null);
        Map<String, String> before = filesOnDisk();

        LicenseRefusedException e = assertThrows(LicenseRefusedException.class,
                () -> service.applyAnyway(another, held.confirmation(), ADMIN));

        assertEquals(LicenseRefusedException.Cause.STALE_CONFIRMATION, e.refusal());
        assertTrue(e.getMessage().startsWith("Nothing was applied: the key you confirmed is no longer the one"),
                e.getMessage());
        assertEquals(before, filesOnDisk());
        assertEquals(AuditEntry.Outcome.REFUSED, lastAudit().outcome());
        assertEquals(e.getMessage(), lastAudit().reason());
    }

    @Test
    void applyAnyway_afterAnotherNodeChangedTheLicense_isStale_nothingApplied() throws Exception {
        LicenseHeldException held = assertThrows(LicenseHeldException.class, () -> service.apply(shorter(), ADMIN));
        byte[] longer = key("NVZ-2026-000004", LocalDate.parse("2028-12-20"), List.of("netflow", "eventlog"), null);
        startService().apply(longer, new Actor("other-admin", "192.0.2.8")); // a node sharing the data directory
        Map<String, String> before = filesOnDisk();

        LicenseRefusedException e = assertThrows(LicenseRefusedException.class,
                () -> service.applyAnyway(shorter(), held.confirmation(), ADMIN));

        assertEquals(LicenseRefusedException.Cause.STALE_CONFIRMATION, e.refusal());
        assertTrue(e.getMessage().contains("the active license changed"), e.getMessage());
        assertEquals(before, filesOnDisk());
        assertArrayEquals(longer, Files.readAllBytes(home.resolve("license/license.key")), "the other node's key");
        assertEquals(AuditEntry.Outcome.REFUSED, lastAudit().outcome());
    }

    @Test
    void apply_aKeyThatGivesLessAndIsNotUsableHere_isRefusedAsToday() throws Exception {
        LicenseRefusedException e = assertThrows(LicenseRefusedException.class,
                () -> service.apply(key("NVZ-2026-000005", MID_2027, List.of(), null, ELSEWHERE), ADMIN));

        assertEquals(LicenseRefusedException.Cause.NOT_USABLE_HERE, e.refusal());
        assertFalse(e instanceof LicenseHeldException);
        assertEquals(AuditEntry.Outcome.REFUSED, lastAudit().outcome());
    }

    @Test
    void apply_theActiveKeyAgain_isAlreadyActive() throws Exception {
        AppliedLicense again = service.apply(active, ADMIN);

        assertFalse(again.changed());
        assertEquals(Optional.empty(), again.renewal());
    }

    @Test
    void apply_withoutAnActiveLicense_neverHolds() throws Exception {
        Path other = home.resolve("fresh");
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, other.toString());
        LicenseService fresh = LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(), () -> HERE,
                TrustedKeys.of(VENDOR.publicKey()), BUILD, CLOCK, "test");
        started.add(fresh);

        assertTrue(fresh.apply(shorter(), ADMIN).changed());
    }

    @Test
    void history_showsEachEarlierKeysClaims_andWhenAndByWhomItWasApplied() throws Exception {
        service.apply(key("NVZ-2027-000002", LocalDate.parse("2028-12-20"), List.of("netflow", "eventlog"), null),
                new Actor("second-admin", "198.51.100.7"));

        List<PreviousKey> history = service.history();

        assertEquals(1, history.size());
        PreviousKey first = history.get(0);
        assertEquals("NVZ-2026-000001", first.licenseId());
        assertTrue(first.fileName().endsWith("_NVZ-2026-000001.key"), first.fileName());
        assertEquals(LicenseType.PERPETUAL, first.license().orElseThrow().type());
        assertEquals(END_2027, first.license().orElseThrow().maintenanceUntil());
        assertEquals(Optional.of(new PreviousKey.Applied(CLOCK.instant(), "admin", "192.0.2.7")), first.applied());
        assertEquals(Optional.empty(), first.unreadable());
        assertFalse(first.activeNow());
    }

    @Test
    void previousKey_byTheNameOfAHistoryEntry_givesItsBytes_otherNamesNothing() throws Exception {
        service.apply(key("NVZ-2027-000002", LocalDate.parse("2028-12-20"), List.of("netflow", "eventlog"), null), ADMIN);
        String name = service.history().get(0).fileName();

        assertArrayEquals(active, service.previousKey(name).orElseThrow());
        for (String other : new String[] {"../license.key", "history/" + name, name + " ", "", "license.key", null}) {
            assertEquals(Optional.empty(), service.previousKey(other), "[" + other + "]");
        }
    }

    @Test
    void previousKey_appliedAgain_isHeldLikeAnUpload_thenActiveAgainAndMarkedSo() throws Exception {
        service.apply(key("NVZ-2027-000002", LocalDate.parse("2028-12-20"), List.of("netflow", "eventlog"), null), ADMIN);
        byte[] earlier = service.previousKey(service.history().get(0).fileName()).orElseThrow();

        LicenseHeldException held = assertThrows(LicenseHeldException.class, () -> service.apply(earlier, ADMIN));
        service.applyAnyway(earlier, held.confirmation(), ADMIN);

        assertArrayEquals(active, Files.readAllBytes(home.resolve("license/license.key")));
        List<PreviousKey> history = service.history();
        assertEquals(List.of("NVZ-2026-000001", "NVZ-2027-000002"), history.stream().map(PreviousKey::licenseId).toList());
        assertTrue(history.get(0).activeNow(), "the key applied again is the active one");
        assertFalse(history.get(1).activeNow());
    }

    @Test
    void history_keyEditedOnDisk_isReadAgainAtTheNextChange_andListedWithTheReason() throws Exception {
        service.apply(key("NVZ-2027-000002", LocalDate.parse("2028-12-20"), List.of("netflow", "eventlog"), null), ADMIN);
        assertTrue(service.history().get(0).license().isPresent());
        Path file;
        try (Stream<Path> files = Files.list(home.resolve("license/history"))) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file).replace("-----END", "x-----END"));

        service.apply(key("NVZ-2027-000003", LocalDate.parse("2028-12-21"), List.of("netflow", "eventlog"), null), ADMIN);

        PreviousKey entry = service.history().get(0);
        assertEquals("NVZ-2026-000001", entry.licenseId(), "from the file name");
        assertTrue(entry.license().isEmpty(), "not the claims seen before the edit");
        assertTrue(entry.unreadable().orElseThrow().contains("license key"), entry.unreadable().toString());
        assertTrue(service.history().get(1).license().isPresent(), "the other key is unchanged");
    }
}

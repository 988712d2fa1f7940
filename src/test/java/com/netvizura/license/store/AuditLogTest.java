package com.netvizura.license.store;

import com.netvizura.license.model.Actor;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.netvizura.license.store.TestKeys.ADMIN;
import static com.netvizura.license.store.TestKeys.IDS;
import static com.netvizura.license.store.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {

    private static final Instant T0 = Instant.parse("2026-11-28T07:45:12.123Z");

    @TempDir
    Path dir;

    private LicenseStore store() throws StoreException {
        return LicenseStore.open(dir, IDS, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private Path auditFile() {
        return dir.resolve("audit.log");
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    @Test
    void everyLine_isOneJsonObjectWithAllSevenFields() throws Exception {
        LicenseStore store = store();
        store.apply(key("NVZ-A"), "NVZ-A", ADMIN);
        store.apply(key("NVZ-A"), "NVZ-A", ADMIN);
        store.recordRefusal(ADMIN, null, "The signature does not match.");

        List<String> lines = Files.readAllLines(auditFile());
        assertEquals(3, lines.size());
        for (String line : lines) {
            assertEquals(java.util.Set.of("time", "user", "remoteAddress", "action", "licenseId", "outcome", "reason"),
                    parse(line).keySet(), line);
        }
        JsonObject refusal = parse(lines.get(2));
        assertEquals("2026-11-28T07:45:12.123Z", refusal.getString("time"));
        assertEquals("admin", refusal.getString("user"));
        assertEquals("192.0.2.10", refusal.getString("remoteAddress"));
        assertEquals("APPLY", refusal.getString("action"));
        assertTrue(refusal.isNull("licenseId"));
        assertEquals("REFUSED", refusal.getString("outcome"));
        assertEquals("The signature does not match.", refusal.getString("reason"));
        assertEquals(List.of(AuditEntry.Outcome.APPLIED, AuditEntry.Outcome.ALREADY_ACTIVE, AuditEntry.Outcome.REFUSED),
                store.auditLog().stream().map(AuditEntry::outcome).toList());
    }

    @Test
    void nastyUserName_cannotForgeASecondLine() throws Exception {
        LicenseStore store = store();
        String nasty = "mallory\"}\n{\"time\":\"2026-01-01T00:00:00Z\",\"user\":\"admin\",\"action\":\"APPLY\","
                + "\"outcome\":\"APPLIED\"}\r\n\u2028\u0000\\";
        store.recordRefusal(new Actor(nasty, "10.0.0.1\n{}"), "NVZ-\"X\"", "reason with \"quotes\"\nand a break");

        List<String> lines = Files.readAllLines(auditFile(), StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        List<AuditEntry> entries = store.auditLog();
        assertEquals(1, entries.size());
        assertEquals(nasty, entries.get(0).user());
        assertEquals("10.0.0.1\n{}", entries.get(0).remoteAddress());
        assertEquals("NVZ-\"X\"", entries.get(0).licenseId());
        assertEquals("reason with \"quotes\"\nand a break", entries.get(0).reason());
    }

    @Test
    void hugeValue_isCappedSoTheLineStaysSmall() throws Exception {
        LicenseStore store = store();
        store.recordRefusal(new Actor("u".repeat(100_000), "::1"), null, "r");

        String user = store.auditLog().get(0).user();
        assertEquals(AuditLog.MAX_VALUE_CHARS + 3, user.length());
        assertTrue(Files.size(auditFile()) < 3 * AuditLog.MAX_VALUE_CHARS);
    }

    @Test
    void tornLastLine_isSkippedByTheReader() throws Exception {
        LicenseStore store = store();
        store.recordRefusal(ADMIN, "NVZ-1", "first");
        Files.write(auditFile(), "{\"time\":\"2026-11-28T07:45:12.123Z\",\"user\":\"adm".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        List<AuditEntry> entries = store.auditLog();

        assertEquals(1, entries.size());
        assertEquals("first", entries.get(0).reason());
    }

    @Test
    void tornLastLineOfZeros_asLeftByAPowerLoss_isSkippedByTheReader() throws Exception {
        LicenseStore store = store();
        store.recordRefusal(ADMIN, "NVZ-1", "first");
        Files.write(auditFile(), new byte[4096], StandardOpenOption.APPEND);

        assertEquals(1, store.auditLog().size());
    }

    @Test
    void appendAfterTornLine_startsOnANewLineAndRecordsTheRepair() throws Exception {
        LicenseStore store = store();
        store.recordRefusal(ADMIN, "NVZ-1", "first");
        Files.write(auditFile(), "{\"time\":\"20".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        store.recordRefusal(ADMIN, "NVZ-2", "second");

        List<String> lines = Files.readAllLines(auditFile());
        assertEquals(4, lines.size());
        assertEquals("{\"time\":\"20", lines.get(1));
        assertEquals("TORN_LINE_CLOSED", parse(lines.get(2)).getString("outcome"));
        assertEquals("second", parse(lines.get(3)).getString("reason"));
        List<AuditEntry> entries = store.auditLog();
        assertEquals(List.of("first", "the line before was cut off by a crash", "second"),
                entries.stream().map(AuditEntry::reason).toList());
        store.recordRefusal(ADMIN, "NVZ-3", "third");
        assertEquals(4, store.auditLog().size());
    }

    @Test
    void unreadableLineInTheMiddle_isReportedWithItsLineNumber() throws Exception {
        LicenseStore store = store();
        store.recordRefusal(ADMIN, "NVZ-1", "first");
        Files.write(auditFile(), "garbage\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        store.recordRefusal(ADMIN, "NVZ-2", "second");

        StoreException e = assertThrows(StoreException.class, store::auditLog);

        assertEquals("store.auditCorrupt", e.messageKey());
        assertTrue(e.getMessage().startsWith("Line 2 of the audit log ["), e.getMessage());
    }

    @Test
    void completeLastLineWithoutLineBreak_isKept() throws Exception {
        LicenseStore store = store();
        store.recordRefusal(ADMIN, "NVZ-1", "first");
        byte[] bytes = Files.readAllBytes(auditFile());
        Files.write(auditFile(), java.util.Arrays.copyOf(bytes, bytes.length - 1));

        assertEquals("first", store.auditLog().get(0).reason());
    }
}

package com.netvizura.license.web;

import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Key files for the page tests, signed like the vendor does: with the development vendor key the build made
 * ({@code target/dev-vendor-key/private.pem}), for the Installation Code the License page shows.
 */
final class PageKeys {

    private PageKeys() {
    }

    /** A fresh license id, so that a key is new to a server that already saw earlier test runs. */
    static String newId() {
        return "NVZ-2026-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** A perpetual key for {@code installationCode}, maintenance for a year from today. */
    static byte[] perpetual(String id, String licensee, String installationCode) {
        License license = new License(id, Instant.now().minusSeconds(60), licensee, null, LicenseType.PERPETUAL,
                LocalDate.now().plusDays(364), null, installationCode, List.of("netflow", "eventlog"),
                Map.of("devices", 100L), null, Map.of());
        return LicenseKeySigner.signToBytes(license, vendorKey());
    }

    /** An Installation Code of a machine that shares no component with any real one. */
    static String otherMachineCode() {
        return InstallationCodes.of(new MachineFacts("6a1f0c2e-0000-4000-8000-00000000c0de", "OTHER-BOARD-1",
                "OTHER-CPU-1", "0123456789abcdef0123456789abcdef", List.of("02:42:ac:11:00:99"), "OTHER-DISK-1",
                "other-server", "Linux")).value();
    }

    /** {@code key} with one character of its signed content changed: the signature no longer matches. */
    static byte[] tampered(byte[] key) {
        String text = new String(key, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        StringBuilder compact = new StringBuilder();
        for (String line : lines) {
            if (!line.startsWith("-----") && !line.isBlank()) {
                compact.append(line.strip());
            }
        }
        int payload = compact.indexOf(".") + 20;
        char c = compact.charAt(payload);
        compact.setCharAt(payload, c == 'A' ? 'B' : 'A');
        StringBuilder out = new StringBuilder("-----BEGIN NETVIZURA LICENSE KEY-----\n");
        for (int i = 0; i < compact.length(); i += 64) {
            out.append(compact, i, Math.min(compact.length(), i + 64)).append('\n');
        }
        return out.append("-----END NETVIZURA LICENSE KEY-----\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code key} to a file a browser can upload; returns its absolute path. */
    static Path file(String name, byte[] key) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-keys"));
            return Files.write(dir.resolve(name), key).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VendorPrivateKey vendorKey() {
        try {
            return PemKeys.readPrivateKey(Path.of("target", "dev-vendor-key", "private.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

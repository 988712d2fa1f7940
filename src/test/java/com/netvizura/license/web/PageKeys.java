package com.netvizura.license.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/** License ids and key files for the page tests' uploads (the keys themselves come from {@code TestLicenses}). */
final class PageKeys {

    private PageKeys() {
    }

    /** A fresh license id, so that a key is always new to the server. */
    static String newId() {
        return "NVZ-2026-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
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
}

package com.netvizura.license.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a license directory holds that an apply may change, for tests that show a refused, held or cancelled key
 * changed nothing: {@code license.key}, {@code state.properties} and every history file, as SHA-256 by relative
 * path. The audit log (which records the refusal) and the lock file are left out.
 */
public final class LicenseDirectorySnapshot {

    private LicenseDirectorySnapshot() {
    }

    public static Map<String, String> of(Path licenseDir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(licenseDir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = licenseDir.relativize(p).toString();
                if (!name.equals("audit.log") && !name.equals(".store.lock")) {
                    files.put(name, KeyDigest.sha256(Files.readAllBytes(p)));
                }
            }
        }
        return files;
    }
}

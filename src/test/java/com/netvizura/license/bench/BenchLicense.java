package com.netvizura.license.bench;

import com.netvizura.license.it.TestLicenses;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a valid development-signed key for this machine as {@code <home>/license/license.key} (for .ci/bench-web). */
public final class BenchLicense {

    private BenchLicense() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]).resolve("license"));
        Files.write(dir.resolve("license.key"), TestLicenses.valid("NVZ-BENCH-WEB", "Bench Ltd"));
    }
}

package com.netvizura.license.bench;

import com.netvizura.license.it.TestLicenses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes a valid development-signed key for this machine as {@code <home>/license/license.key} (for .ci/bench-web):
 * {@code BenchLicense HOME} a perpetual license with a year of maintenance (nothing for the license notice to say),
 * {@code BenchLicense HOME DAYS} a subscription that ends in DAYS days (the notice shows it to admins).
 */
public final class BenchLicense {

    private BenchLicense() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]).resolve("license"));
        byte[] key = args.length > 1
                ? TestLicenses.subscription("NVZ-BENCH-NOTICE", "Bench Ltd", LocalDate.now().plusDays(Long.parseLong(args[1])))
                : TestLicenses.valid("NVZ-BENCH-WEB", "Bench Ltd");
        Files.write(dir.resolve("license.key"), key);
    }
}

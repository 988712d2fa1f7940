package com.netvizura.license.bench;

import com.netvizura.license.it.OtherNode;
import com.netvizura.license.it.TestLicenses;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Applies a development-signed key for this machine to the data directory of a running bench Tomcat, as an admin on
 * another node would (for .ci/bench-web, which then measures the same application with another license):
 * {@code BenchApply HOME notice} a subscription that ends in 10 days (the license notice has something to say),
 * {@code BenchApply HOME quiet} a perpetual license with a year of maintenance (nothing to say).
 */
public final class BenchApply {

    private BenchApply() {
    }

    public static void main(String[] args) throws Exception {
        byte[] key = switch (args[1]) {
            case "notice" -> TestLicenses.subscription("NVZ-BENCH-NOTICE", "Bench Ltd", LocalDate.now().plusDays(10));
            case "quiet" -> TestLicenses.valid("NVZ-BENCH-QUIET", "Bench Ltd");
            default -> throw new IllegalArgumentException("usage: BenchApply HOME notice|quiet");
        };
        System.out.println(OtherNode.on(Path.of(args[0])).apply(key).license().id());
    }
}

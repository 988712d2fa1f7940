package com.netvizura.license.machine;

import java.nio.file.Path;

/**
 * Prints this machine's Installation Code and how long the cold probe took; run in a fresh JVM by
 * {@link InstallationCodeStabilityTest} and by hand to measure: {@code java -cp ... PrintInstallationCode [dataDir]}.
 */
public final class PrintInstallationCode {

    private PrintInstallationCode() {
    }

    public static void main(String[] args) {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        long start = System.nanoTime();
        MachineFacts facts = new OshiHardwareProbe(dataDirectory).probe();
        String code = InstallationCodes.of(facts).value();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(code);
        System.out.println("probe+encode ms: " + millis);
        System.out.println("components: " + Fingerprint.of(facts).components());
    }
}

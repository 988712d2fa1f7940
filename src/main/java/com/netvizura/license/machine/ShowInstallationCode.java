package com.netvizura.license.machine;

import java.nio.file.Path;

/**
 * Prints this machine's Installation Code, computed exactly as the server computes it, for scripts and for support
 * when the License page cannot be opened: {@code java -cp 'WEB-INF/classes:WEB-INF/lib/*'
 * com.netvizura.license.machine.ShowInstallationCode NETVIZURA_HOME}. The data directory matters: the serial of the
 * disk holding it is one of the components. With {@code --timing} it also prints how long the cold probe took and
 * which components it found (to measure the probe by hand; the code stays the first line).
 */
public final class ShowInstallationCode {

    private static final String TIMING = "--timing";

    private ShowInstallationCode() {
    }

    public static void main(String[] args) {
        boolean timing = args.length == 2 && TIMING.equals(args[1]);
        if (args.length != 1 && !timing) {
            System.err.println("usage: ShowInstallationCode NETVIZURA_HOME [" + TIMING
                    + "] (NETVIZURA_HOME: the server's data directory)");
            System.exit(2);
        }
        long start = System.nanoTime();
        MachineFacts facts = new OshiHardwareProbe(Path.of(args[0])).probe();
        System.out.println(InstallationCodes.of(facts).value());
        if (timing) {
            System.out.println("probe+encode ms: " + (System.nanoTime() - start) / 1_000_000);
            System.out.println("components: " + Fingerprint.of(facts).components());
        }
    }
}

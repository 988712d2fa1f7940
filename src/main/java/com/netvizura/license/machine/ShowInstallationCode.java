package com.netvizura.license.machine;

import java.nio.file.Path;

/**
 * Prints this machine's Installation Code, computed exactly as the server computes it, for scripts and for support
 * when the License page cannot be opened: {@code java -cp 'WEB-INF/classes:WEB-INF/lib/*'
 * com.netvizura.license.machine.ShowInstallationCode NETVIZURA_HOME}. The data directory matters: the serial of the
 * disk holding it is one of the components.
 */
public final class ShowInstallationCode {

    private ShowInstallationCode() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ShowInstallationCode NETVIZURA_HOME (the server's data directory)");
            System.exit(2);
        }
        System.out.println(InstallationCodes.of(new OshiHardwareProbe(Path.of(args[0])).probe()).value());
    }
}

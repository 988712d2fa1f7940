package com.netvizura.license.machine;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The id the operating system gave this installation: {@code /etc/machine-id} on Linux (written once at install
 * time by systemd), {@code MachineGuid} in the Windows registry. Other systems report none.
 */
final class OsInstallationId {

    /** The real location; tests pass a file of their own. */
    static final Path ETC_MACHINE_ID = Path.of("/etc/machine-id");

    private OsInstallationId() {
    }

    /** The raw id, or {@code null} when this system has none or it cannot be read. */
    static String read(Path machineIdFile) {
        if (Files.isRegularFile(machineIdFile)) {
            try {
                return Files.readString(machineIdFile, StandardCharsets.US_ASCII).strip();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return windowsMachineGuid();
        }
        return null;
    }

    private static String windowsMachineGuid() {
        try {
            return Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE,
                    "SOFTWARE\\Microsoft\\Cryptography", "MachineGuid");
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}

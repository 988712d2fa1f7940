package com.netvizura.license.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import static com.netvizura.license.store.TestKeys.ADMIN;
import static com.netvizura.license.store.TestKeys.IDS;
import static com.netvizura.license.store.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A license directory nobody may write to. chmod does not stop root, so as root the directory is made immutable
 * with {@code chattr +i} (ext2/3/4, xfs, btrfs), which does. Disk full cannot be produced honestly here; it takes
 * the same path (a write or fsync fails before the commit) and is covered by the fault-injection test.
 */
class ReadOnlyDirectoryTest {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path dir;
    private boolean locked;

    private void makeReadOnly() throws Exception {
        if (ROOT) {
            assumeTrue(chattr("+i"), "chattr +i is not available on this file system");
        } else {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        locked = true;
    }

    @AfterEach
    void makeWritableAgain() throws Exception {
        if (locked) {
            if (ROOT) {
                chattr("-i");
            } else {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            locked = false;
        }
    }

    private boolean chattr(String flag) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void apply_readOnlyDirectory_failsWithAnAdminSentenceAndKeepsTheOldKey() throws Exception {
        LicenseStore store = LicenseStore.open(dir, IDS, Clock.systemUTC());
        byte[] old = key("NVZ-OLD");
        store.apply(old, "NVZ-OLD", ADMIN);
        makeReadOnly();

        StoreException e = assertThrows(StoreException.class, () -> store.apply(key("NVZ-NEW"), "NVZ-NEW", ADMIN));

        assertEquals("store.writeFailed", e.messageKey());
        assertTrue(e.getMessage().startsWith("The license key could not be saved in [" + dir), e.getMessage());
        assertTrue(e.getMessage().contains("may write to this directory"), e.getMessage());
        assertArrayEquals(old, store.activeKey().orElseThrow());
        assertEquals(1, store.readEpochFromDisk());
        assertEquals(List.of(), store.history());

        // A read-only directory still opens, so the License page can show the active key.
        LicenseStore reopened = LicenseStore.open(dir, IDS, Clock.systemUTC());
        assertArrayEquals(old, reopened.activeKey().orElseThrow());

        makeWritableAgain();
        assertTrue(store.apply(key("NVZ-NEW"), "NVZ-NEW", ADMIN).applied());
        assertEquals(List.of(AuditEntry.Outcome.APPLIED, AuditEntry.Outcome.FAILED, AuditEntry.Outcome.APPLIED),
                store.auditLog().stream().map(AuditEntry::outcome).toList());
    }
}

package com.netvizura.license.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the history copies that an apply cut off between saving the old key's history copy and its commit left
 * behind: a copy of the key that is still active (see {@link LicenseStore}, step 2 to 3).
 *
 * <p>Such a copy is told from a real earlier key by when it was named, not by its bytes alone: a key applied again
 * from the history is legitimately in the history and active at once. Every completed apply records the time it put
 * in its history name ({@code lastRetiredAt}, written after the commit) and names the next copy later than that; a
 * copy named after the last recorded retirement therefore comes from an apply that did not complete. The caller only
 * asks when {@code license.key} is still the key the state file counts: an apply cut off after its commit leaves
 * a different key, whose history copy is the real old key.
 */
final class CutOffRetirements {

    private CutOffRetirements() {
    }

    /**
     * The history entries named after {@code lastRetiredAt} (all of them when it is null: no apply has completed a
     * retirement) whose bytes are exactly {@code active}, oldest first.
     */
    static List<HistoryEntry> copiesOfActiveKey(Path historyDir, byte[] active, Instant lastRetiredAt)
            throws IOException {
        List<HistoryEntry> copies = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(historyDir)) {
            for (Path file : files) {
                Optional<HistoryEntry> entry = HistoryNames.parse(file);
                if (entry.isPresent() && (lastRetiredAt == null || entry.get().retiredAt().isAfter(lastRetiredAt))
                        && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.size(file) == active.length && Arrays.equals(Files.readAllBytes(file), active)) {
                    copies.add(entry.get());
                }
            }
        }
        copies.sort((a, b) -> a.file().getFileName().compareTo(b.file().getFileName()));
        return copies;
    }
}

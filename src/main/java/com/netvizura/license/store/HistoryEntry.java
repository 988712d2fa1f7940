package com.netvizura.license.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A previously active key in {@code history/}, named {@code <UTC timestamp>_<license id>.key}.
 *
 * @param retiredAt when it stopped being the active key
 * @param licenseId the license id as it appears in the file name (reduced to {@code [A-Za-z0-9._-]})
 * @param file      the history file
 */
public record HistoryEntry(Instant retiredAt, String licenseId, Path file) {

    /** The key bytes exactly as they were active. */
    public byte[] readKey() throws StoreException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException("store.readFailed", e, file, IoProblems.describe(e));
        }
    }
}

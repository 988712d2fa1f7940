package com.netvizura.license.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns an I/O failure into the few words an admin can act on ("No space left on device [path]"). */
final class IoProblems {

    private IoProblems() {
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied [" + a.getFile() + "]";
        }
        if (e instanceof NoSuchFileException n) {
            return "file not found [" + n.getFile() + "]";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " [" + f.getFile() + "]");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The admin sentence for a failed change of the license directory; the old key is still active. */
    static StoreException applyFailed(java.nio.file.Path dir, IOException e) {
        if (e instanceof AtomicMoveNotSupportedException) {
            return new StoreException("store.atomicMoveUnsupported", e, dir);
        }
        return new StoreException("store.writeFailed", e, dir, describe(e));
    }
}

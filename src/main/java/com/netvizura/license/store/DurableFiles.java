package com.netvizura.license.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Crash-safe file primitives: temp file in the target's directory + fsync, {@code ATOMIC_MOVE}, fsync of the
 * directory. There is deliberately no fallback to a plain copy: a file system that cannot rename atomically fails.
 */
final class DurableFiles {

    /** Only files of this exact shape are ever removed as crash leftovers. */
    private static final Pattern OWN_TEMP = Pattern.compile("\\.store-[0-9a-f]{16}\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private DurableFiles() {
    }

    /** Writes {@code bytes} to a new temp file in {@code dir} and forces it to disk. */
    static Path writeTemp(Path dir, byte[] bytes) throws IOException {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        Path temp = dir.resolve(".store-" + HexFormat.of().formatHex(id) + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        return temp;
    }

    /** Renames atomically; on Linux and Windows an existing target is replaced in the same step. */
    static void moveAtomically(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes a rename or a new file in {@code dir} durable. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a file; NTFS makes the rename durable by itself there.
            if (!WINDOWS) {
                throw e;
            }
        }
    }

    /** Replaces {@code target} by {@code bytes} atomically and durably. */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path temp = writeTemp(dir, bytes);
        try {
            moveAtomically(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        fsyncDirectory(dir);
    }

    static boolean isOwnTemp(Path file) {
        return OWN_TEMP.matcher(file.getFileName().toString()).matches();
    }

    /** Removes this class's temp files left in {@code dir} by a crash; returns how many. */
    static int removeOwnTemps(Path dir) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, DurableFiles::isOwnTemp)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Deletes {@code file} after a failure, recording a failed delete on {@code failure} rather than hiding it. */
    static void deleteQuietly(Path file, Exception failure) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

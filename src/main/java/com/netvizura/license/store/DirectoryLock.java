package com.netvizura.license.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes changes of one license directory within this JVM (a fair lock per directory) and across processes
 * (an exclusive {@link FileLock} on a lock file in the directory, released by the OS if the process dies).
 */
final class DirectoryLock {

    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final long RETRY_MILLIS = 5;

    private final Path lockFile;
    private final Duration timeout;
    private final ReentrantLock jvmLock;

    DirectoryLock(Path lockFile, Duration timeout) {
        this.lockFile = lockFile;
        this.timeout = timeout;
        this.jvmLock = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock(true));
    }

    /** Held lock; closing releases both levels. */
    final class Held implements AutoCloseable {
        private final FileChannel channel;

        private Held(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close(); // releases the file lock
            } catch (IOException e) {
                // The OS drops the lock with the descriptor; nothing an admin could do about a failed close.
            } finally {
                jvmLock.unlock();
            }
        }
    }

    Held acquire() throws StoreException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!jvmLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("store.interrupted", e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (!tryLock(channel)) {
                if (System.nanoTime() > deadline) {
                    throw busy();
                }
                Thread.sleep(RETRY_MILLIS);
            }
            return new Held(channel);
        } catch (IOException e) {
            closeAndUnlock(channel, e);
            throw new StoreException("store.writeFailed", e, lockFile.getParent(), IoProblems.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAndUnlock(channel, e);
            throw new StoreException("store.interrupted", e);
        } catch (StoreException e) {
            closeAndUnlock(channel, e);
            throw e;
        }
    }

    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            // Another class loader in this JVM (a second web app on the same directory) holds it: wait like for a
            // process.
            return false;
        }
    }

    private void closeAndUnlock(FileChannel channel, Exception failure) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        } finally {
            jvmLock.unlock();
        }
    }

    private StoreException busy() {
        return new StoreException("store.busy", null, lockFile.getParent(), timeout.toSeconds());
    }
}

package com.netvizura.license.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Watches how many bytes lie below some directories (the IT Tomcat's {@code work/} and {@code temp/}) while
 * something runs: it adds up the sizes of all files every few milliseconds and keeps the largest growth over the
 * total at the start. Upload parts that Tomcat writes and deletes within one request show up while they exist.
 */
public final class DiskWatch implements AutoCloseable {

    private static final BiPredicate<Path, BasicFileAttributes> REGULAR_FILE = (p, a) -> a.isRegularFile();

    private final List<Path> directories;
    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private DiskWatch(List<Path> directories) {
        this.directories = directories;
        this.baseline = bytesNow();
        this.sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(bytesNow() - baseline, Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "disk-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching {@code directories}. */
    public static DiskWatch of(Path... directories) {
        return new DiskWatch(List.of(directories));
    }

    /** The {@code work/} and {@code temp/} directories of the Tomcat the ITs run on now. */
    public static DiskWatch tomcatWorkAndTemp() {
        String launch = System.getProperty("arquillian.launch", "tomcat10");
        Path home = Path.of(System.getProperty("it." + launch + ".home"));
        return of(home.resolve("work"), home.resolve("temp"));
    }

    /** The largest growth seen so far, in bytes (0 when nothing grew). */
    public long peakGrowth() {
        peak.accumulateAndGet(bytesNow() - baseline, Math::max);
        return peak.get();
    }

    /** Bytes below the directories now. */
    private long bytesNow() {
        long total = 0;
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.find(dir, Integer.MAX_VALUE, REGULAR_FILE)) {
                total += files.mapToLong(DiskWatch::sizeOrZero).sum();
            } catch (NoSuchFileException | UncheckedIOException vanished) {
                // A file or folder went away while it was walked: count the next round.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException vanished) {
            return 0;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}

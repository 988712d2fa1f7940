package com.netvizura.license.service;

import com.netvizura.license.model.Actor;
import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Applies the key in the file named by {@code netvizura.license.keyFile} (DESIGN.md section 12): at start, and when
 * the file changes afterwards, a key there that differs from the active one goes through the same checks as an upload,
 * with the actor {@value #ACTOR_NAME}. A key that gives less is held for an admin's Apply anyway; a missing,
 * unreadable or refused file is logged with the reason and shown on the License page, and never stops anything.
 *
 * <p>Watching costs one {@code stat} a second on a daemon thread of its own (never a request thread). A change is
 * acted on once the file has stayed the same for one more poll, so a file being written is not read half-way; an
 * atomic replace (a new inode, as Ansible's {@code copy} or a Kubernetes secret does it) counts as a change. A file
 * touched without a new content is not applied again. While a key is held, a license change (Apply anyway, an upload,
 * another node) makes it checked again against the license then active. Nodes that share the data directory and the
 * setting apply the key once: the second finds it active already.
 */
final class KeyFileWatcher {

    static final String ACTOR_NAME = "key-file";
    static final String THREAD_NAME = "NetVizura License key file";
    private static final System.Logger LOG = System.getLogger(KeyFileWatcher.class.getName());

    /** Applies a key as an upload does (the service's {@code apply}). */
    interface Applier {
        AppliedLicense apply(byte[] key, Actor actor) throws LicenseRefusedException;
    }

    /** The active key's bytes, empty without one. */
    interface ActiveKey {
        Optional<byte[]> read() throws LicenseDataException;
    }

    /** What identifies one version of the file without reading it. */
    private record Stamp(long size, FileTime modified, Object fileKey) {
    }

    private final Path path;
    private final Applier applier;
    private final ActiveKey activeKey;
    private final LongSupplier epoch;
    private final Clock clock;
    private final Actor actor;
    private ScheduledExecutorService scheduler;
    /** The file's stamp at the last check (null: missing), and at the last poll. Poll thread (and start) only. */
    private Stamp checked;
    private Stamp polled;
    private boolean everChecked;
    private byte[] checkedBytes;
    private volatile KeyFileStatus status;

    KeyFileWatcher(Path path, Applier applier, ActiveKey activeKey, LongSupplier epoch, Clock clock) {
        this.path = Objects.requireNonNull(path, "path");
        this.applier = applier;
        this.activeKey = activeKey;
        this.epoch = epoch;
        this.clock = clock;
        this.actor = new Actor(ACTOR_NAME, "local");
    }

    /** Checks the file now (on the caller's thread: the service's start), then watches it on a thread of its own. */
    synchronized void start() {
        try {
            check();
        } catch (RuntimeException e) {
            // Never fatal: the license stays as it is, the page and the log say what went wrong.
            LOG.log(Level.ERROR, "Checking the key file " + LogValue.of(path.toString()) + " failed", e);
            status = outcome(KeyFileStatus.Outcome.UNREADABLE, Messages.get("keyFile.unreadable", path, e),
                    Optional.empty());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 1, 1, TimeUnit.SECONDS);
        LOG.log(Level.INFO, "NetVizura License watches the key file {0}", LogValue.of(path.toString()));
    }

    /** Ends the watching thread. */
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /**
     * The last check's outcome. A held key is offered only while the active license is still the one it was compared
     * with ({@code epochNow}); right after a change it is checked again within a second.
     */
    KeyFileStatus status(long epochNow) {
        KeyFileStatus s = status;
        if (s.held().isPresent() && s.held().get().reason().confirmation().epoch() != epochNow) {
            return new KeyFileStatus(s.path(), s.outcome(), s.sentence(), s.checkedAt(), Optional.empty());
        }
        return s;
    }

    /** An admin cancelled {@code key}: when it is the held one, it is not offered again until the file changes. */
    synchronized void cancelled(byte[] key) {
        KeyFileStatus s = status;
        if (s.held().isPresent() && Arrays.equals(s.held().get().key(), key)) {
            status = outcome(KeyFileStatus.Outcome.CANCELLED, Messages.get("keyFile.cancelled", path),
                    Optional.empty());
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep watching.
            LOG.log(Level.ERROR, "Checking the key file " + LogValue.of(path.toString()) + " failed", e);
        }
    }

    synchronized void poll() {
        Stamp now = stamp();
        if (Objects.equals(now, checked)) {
            KeyFileStatus s = status;
            if (s.held().isPresent() && s.held().get().reason().confirmation().epoch() != epoch.getAsLong()) {
                check(); // the license changed under a held key: compare it with the license now active
            }
            return;
        }
        if (!Objects.equals(now, polled)) {
            polled = now; // changed since the last poll: wait until it stays the same for one poll
            return;
        }
        check();
    }

    /** Reads the file and applies its key when it differs from the active one. */
    synchronized void check() {
        Stamp stamp = stamp();
        checked = stamp;
        polled = stamp;
        if (stamp == null) {
            checkedBytes = null;
            everChecked = true;
            status = logged(outcome(KeyFileStatus.Outcome.MISSING, Messages.get("keyFile.missing", path),
                    Optional.empty()), "not found");
            return;
        }
        byte[] key;
        try (InputStream in = Files.newInputStream(path)) {
            // One byte over the limit is enough for the verifier to refuse the file as too large, as for an upload.
            key = in.readNBytes(LicenseService.MAX_KEY_FILE_BYTES + 1);
        } catch (IOException e) {
            checkedBytes = null;
            everChecked = true;
            String reason = e instanceof NoSuchFileException ? "not found" : String.valueOf(e.getMessage());
            status = logged(outcome(KeyFileStatus.Outcome.UNREADABLE, Messages.get("keyFile.unreadable", path,
                    reason), Optional.empty()), reason);
            return;
        }
        boolean sameContent = everChecked && Arrays.equals(key, checkedBytes);
        KeyFileStatus s = status;
        if (sameContent && (s.held().isEmpty() || s.held().get().reason().confirmation().epoch() == epoch.getAsLong())) {
            return; // touched or rewritten with the same bytes: nothing new to decide
        }
        checkedBytes = key;
        everChecked = true;
        status = decide(key);
    }

    private KeyFileStatus decide(byte[] key) {
        try {
            if (activeKey.read().map(active -> Arrays.equals(active, key)).orElse(false)) {
                return outcome(KeyFileStatus.Outcome.ACTIVE, Messages.get("keyFile.active", path), Optional.empty());
            }
        } catch (LicenseDataException e) {
            LOG.log(Level.WARNING, "Could not read the active key to compare the key file with: {0}", e.getMessage());
        }
        try {
            AppliedLicense applied = applier.apply(key, actor);
            LOG.log(Level.INFO, "The key file {0} {1} license {2}", LogValue.of(path.toString()),
                    applied.changed() ? "applied" : "holds the active", LogValue.of(applied.license().id()));
            return outcome(applied.changed() ? KeyFileStatus.Outcome.APPLIED : KeyFileStatus.Outcome.ACTIVE,
                    applied.changed() ? Messages.get("keyFile.applied", path, applied.license().id())
                            : Messages.get("keyFile.active", path), Optional.empty());
        } catch (LicenseHeldException e) {
            return outcome(KeyFileStatus.Outcome.HELD, Messages.get("keyFile.held", path, e.license().id()),
                    Optional.of(new KeyFileStatus.Held(key, e)));
        } catch (LicenseRefusedException e) {
            return logged(outcome(KeyFileStatus.Outcome.REFUSED, Messages.get("keyFile.refused", path,
                    e.getMessage()), Optional.empty()), e.getMessage());
        }
    }

    private KeyFileStatus outcome(KeyFileStatus.Outcome outcome, String sentence, Optional<KeyFileStatus.Held> held) {
        return new KeyFileStatus(path, outcome, sentence, clock.instant(), held);
    }

    private KeyFileStatus logged(KeyFileStatus s, String reason) {
        LOG.log(Level.WARNING, "The key file {0} was not applied ({1}): {2}", LogValue.of(path.toString()),
                s.outcome(), LogValue.of(reason));
        return s;
    }

    /** The file's size, time and identity, following links; null when there is no such file. */
    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime(), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }
}

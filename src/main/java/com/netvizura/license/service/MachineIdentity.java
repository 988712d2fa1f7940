package com.netvizura.license.service;

import com.netvizura.license.machine.HardwareProbe;
import com.netvizura.license.machine.InstallationCodeException;
import com.netvizura.license.machine.InstallationCodeMatcher;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Messages;
import com.netvizura.license.policy.ThisMachine;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * This server as probed once at start-up: its facts and Installation Code. Probing is slow (OSHI: a third of a
 * second, more on a loaded host), so it runs exactly once, on a daemon thread of its own that {@link #startProbing}
 * starts with the service, never on a request; the deployment goes on meanwhile. Whoever needs the facts first (the
 * first verdict of a key bound to a machine, the License Details) waits until they are there, so no answer is ever
 * given without them: a probe that failed fails every such caller (fail closed) instead of matching anything.
 */
final class MachineIdentity implements ThisMachine {

    static final String THREAD_NAME = "NetVizura License hardware probe";
    private static final System.Logger LOG = System.getLogger(MachineIdentity.class.getName());

    private record Probed(MachineFacts facts, InstallationCode code) {
    }

    private final HardwareProbe probe;
    private final CompletableFuture<Probed> probed = new CompletableFuture<>();
    private final Thread thread;
    private Runnable afterwards;
    private volatile long probeMillis = -1;

    MachineIdentity(HardwareProbe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.thread = new Thread(this::probeThenRun, THREAD_NAME);
        thread.setDaemon(true);
    }

    /**
     * Starts probing on the probe's thread; {@code afterwards} runs on the same thread once the facts are there (or
     * the probe failed) and every caller waiting for them was let go. Called once.
     */
    void startProbing(Runnable afterwards) {
        this.afterwards = Objects.requireNonNull(afterwards, "afterwards");
        thread.start();
    }

    private void probeThenRun() {
        long begin = System.nanoTime();
        try {
            MachineFacts facts = probe.probe();
            probed.complete(new Probed(facts, InstallationCodes.of(facts)));
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "NetVizura License could not probe this server's hardware; no key "
                    + "bound to an Installation Code can be used until it restarts: " + e, e);
            probed.completeExceptionally(e);
        } finally {
            probeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        }
        afterwards.run(); // after complete(): the callers waiting in facts() were let go before this may block
    }

    /** How long the probe took, in ms; -1 while it runs. */
    long probeMillis() {
        return probeMillis;
    }

    /**
     * Waits up to {@code wait} for the probe's thread to end (the probe and what ran after it), so that nothing is
     * released under it; whether it ended.
     */
    boolean awaitEnd(Duration wait) {
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    MachineFacts facts() {
        return probed().facts();
    }

    InstallationCode installationCode() {
        return probed().code();
    }

    /** The probe's result, waited for; a probe that failed fails here too. */
    private Probed probed() {
        try {
            return probed.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the hardware probe failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public MachineMatch compareWith(String installationCodeInKey) {
        InstallationCode here = installationCode();
        try {
            return InstallationCodeMatcher.match(installationCodeInKey, here);
        } catch (InstallationCodeException e) {
            // A signed key with an unreadable code cannot be bound to this machine: fail closed.
            return new MachineMatch(false, Set.of(), Set.of(), Messages.get("service.machine.unreadableCode"));
        }
    }
}

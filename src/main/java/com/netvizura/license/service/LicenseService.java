package com.netvizura.license.service;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.machine.HardwareProbe;
import com.netvizura.license.machine.OshiHardwareProbe;
import com.netvizura.license.mail.DetailsMessage;
import com.netvizura.license.mail.LicenseDetailsBuilder;
import com.netvizura.license.mail.MailtoLink;
import com.netvizura.license.mail.SendResult;
import com.netvizura.license.mail.SmtpSender;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.store.Actor;
import com.netvizura.license.store.ApplyOutcome;
import com.netvizura.license.store.ClockGuard;
import com.netvizura.license.store.HistoryEntry;
import com.netvizura.license.store.LicenseStore;
import com.netvizura.license.store.StoreException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one object the web layer and the host application ask about the license: what it allows now, how to apply a
 * new key, and the License Details of this server.
 *
 * <p>Everything slow happens at start-up or on change, never per call: the hardware probe runs once in
 * {@link #start}; the active key is read and verified at start, after an apply, and when another process sharing
 * the data directory changed it. Per call there is at most one cheap check a second (the epoch in
 * {@code state.properties}, the calendar day and the clock high-water mark), taken by one thread while the others go
 * on with the cached verdict.
 */
public class LicenseService {

    /** The largest key file accepted; a caller reading an upload needs at most one byte more to refuse a bigger one. */
    public static final int MAX_KEY_FILE_BYTES = LicenseKeyVerifier.MAX_KEY_FILE_BYTES;
    /** Days a subscription or trial keeps running after its last day of usage. */
    public static final int GRACE_DAYS = LicenseEvaluator.GRACE_DAYS;

    static final long POLL_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final System.Logger LOG = System.getLogger(LicenseService.class.getName());

    private final Settings settings;
    private final BuildInfo build;
    private final Clock clock;
    private final TrustedKeys trustedKeys;
    private final LicenseKeyVerifier verifier;
    private final MachineIdentity machine;
    private final LicenseEvaluator evaluator;
    private final LicenseStore store;
    private final ClockGuard clockGuard;
    private final String serverInfo;
    private final Object applyLock = new Object();
    private final ReentrantLock pollLock = new ReentrantLock();
    private volatile Snapshot snapshot;
    private volatile long nextPollNanos;
    private volatile Optional<SmtpSender> smtpSender;

    /** What was read from disk last, and the verdict for it as of {@code day}. */
    private record Snapshot(Optional<License> license, String invalidReason, long epoch, LocalDate day, Verdict verdict,
            History history) {
    }

    /** The history as read with the key: the entries, or why they could not be read. */
    private record History(List<HistoryEntry> entries, StoreException problem) {
    }

    /** For CDI client proxies only; every real instance comes from {@link #start}. */
    protected LicenseService() {
        this.settings = null;
        this.build = null;
        this.clock = null;
        this.trustedKeys = null;
        this.verifier = null;
        this.machine = null;
        this.evaluator = null;
        this.store = null;
        this.clockGuard = null;
        this.serverInfo = null;
    }

    private LicenseService(Settings settings, HardwareProbe probe, TrustedKeys trustedKeys, BuildInfo build, Clock clock,
            String serverInfo) throws StoreException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.build = Objects.requireNonNull(build, "build");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trustedKeys");
        this.serverInfo = Objects.requireNonNullElse(serverInfo, "unknown");
        this.verifier = new LicenseKeyVerifier(trustedKeys);
        this.machine = new MachineIdentity(probe);
        this.evaluator = new LicenseEvaluator(machine, clock, build, settings.vendorEmail());
        this.store = LicenseStore.open(settings.licenseDirectory(), LicenseKeyVerifier::peekLicenseId, clock);
        this.clockGuard = store.clockGuard();
        reload();
    }

    /**
     * Starts the service of this server as deployed: the real hardware probe, the vendor keys built into the WAR,
     * this build's version and release date, the system clock.
     *
     * @throws StoreException when the data directory cannot be opened or read
     */
    public static LicenseService startOnThisServer(Settings settings, String serverInfo) throws StoreException {
        return start(settings, new OshiHardwareProbe(settings.home()), TrustedKeys.builtIn(), BuildInfo.current(),
                Clock.systemDefaultZone(), serverInfo);
    }

    /**
     * Probes this machine, opens the data directory and verifies the active key.
     *
     * @param serverInfo the servlet container's name and version, for the License Details
     * @throws StoreException when the data directory cannot be opened or read
     */
    public static LicenseService start(Settings settings, HardwareProbe probe, TrustedKeys trustedKeys, BuildInfo build,
            Clock clock, String serverInfo) throws StoreException {
        LicenseService service = new LicenseService(settings, probe, trustedKeys, build, clock, serverInfo);
        LOG.log(Level.INFO, "NetVizura License started: version [{0}] released [{1}], data directory [{2}], "
                + "Installation Code [{3}], license status [{4}], trusted vendor keys {5}",
                build.version(), build.releaseDate(), settings.licenseDirectory(), service.installationCode().value(),
                service.verdict().status(), trustedKeys.kids());
        return service;
    }

    /** What the license allows here and now (cached; refreshed at most once a second). */
    public Verdict verdict() {
        poll();
        return snapshot.verdict();
    }

    /** The license-change counter: a session created before the current epoch must log in again. */
    public long epoch() {
        poll();
        return snapshot.epoch();
    }

    /** Whether NetVizura may run normally. */
    public boolean isOperational() {
        return verdict().operational();
    }

    /** Whether the active, usable license includes {@code module} (e.g. {@code netflow}). */
    public boolean hasModule(String module) {
        Verdict v = verdict();
        return v.operational() && v.license().map(l -> l.modules().contains(module)).orElse(false);
    }

    /** The licensed limit called {@code name} (e.g. {@code devices}), absent when the license sets none. */
    public OptionalLong limit(String name) {
        Verdict v = verdict();
        if (!v.operational()) {
            return OptionalLong.empty();
        }
        Long value = v.license().map(l -> l.limits().get(name)).orElse(null);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /**
     * Verifies, evaluates and stores a key. A key that is not correctly signed, or not usable on this server today,
     * is refused and audited; nothing changes then.
     *
     * @param keyFile the uploaded file, at most {@link LicenseKeyVerifier#MAX_KEY_FILE_BYTES}
     * @param actor   who applies it, from where (for the audit log)
     */
    public AppliedLicense apply(byte[] keyFile, Actor actor) throws LicenseRefusedException {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(actor, "actor");
        synchronized (applyLock) {
            License license;
            try {
                license = verifier.verify(keyFile);
            } catch (LicenseKeyException e) {
                throw refused(actor, LicenseKeyVerifier.peekLicenseId(keyFile).orElse(null),
                        LicenseRefusedException.Cause.NOT_A_VALID_KEY, e.getMessage(), e);
            }
            Verdict candidate = evaluator.evaluate(Optional.of(license));
            if (!candidate.operational()) {
                throw refused(actor, license.id(), LicenseRefusedException.Cause.NOT_USABLE_HERE,
                        candidate.explanation(), null);
            }
            ApplyOutcome outcome;
            try {
                outcome = store.apply(keyFile, license.id(), actor);
            } catch (StoreException e) {
                throw refused(actor, license.id(), LicenseRefusedException.Cause.NOT_STORED, e.getMessage(), e);
            }
            reload();
            LOG.log(Level.INFO, "License [{0}] {1} by [{2}] from [{3}]; epoch now {4}", license.id(),
                    outcome.applied() ? "applied" : "uploaded again (already active)", actor.user(),
                    actor.remoteAddress(), outcome.epoch());
            return new AppliedLicense(license, snapshot.verdict(), outcome.applied(), outcome.epoch(), outcome.warnings());
        }
    }

    /**
     * Audits an upload that the web layer refused before its content was read (too large, no usable file name), as
     * {@link #apply} audits the keys it refuses; nothing else changes.
     *
     * @param reason the sentence the admin was shown
     */
    public void refuseUpload(Actor actor, String reason) {
        refused(Objects.requireNonNull(actor, "actor"), null, LicenseRefusedException.Cause.NOT_A_VALID_KEY,
                Objects.requireNonNull(reason, "reason"), null);
    }

    /** Previously active keys, oldest first (read from disk with the key, not per call). */
    public List<HistoryEntry> history() throws StoreException {
        poll();
        History h = snapshot.history();
        if (h.problem() != null) {
            throw h.problem();
        }
        return h.entries();
    }

    /** The License Details of this server; {@code contactEmail} is the admin's address, or {@code null}. */
    public LicenseDetails details(String contactEmail) {
        LicenseDetailsBuilder builder = new LicenseDetailsBuilder(build, machine.installationCode(), clock)
                .license(snapshot.license())
                .java(System.getProperty("java.vendor") + " " + System.getProperty("java.version"))
                .server(serverInfo)
                .contactEmail(contactEmail);
        machine.facts().hostnameIfAny().ifPresent(builder::hostname);
        machine.facts().operatingSystemIfAny().ifPresent(builder::operatingSystem);
        return builder.build();
    }

    /** A {@code mailto:} link to the vendor with {@code details} filled in (those the page shows, so both agree). */
    public String mailtoLink(LicenseDetails details) {
        return MailtoLink.forVendor(settings.vendorEmail(), details);
    }

    /** Whether Send can mail from the server (an SMTP host or a usable JNDI mail session is configured). */
    public boolean canSendFromServer() {
        return smtpSender().isPresent();
    }

    /**
     * Sends the License Details to the vendor from the server. Without a configured sender the result says so; a
     * failure is a result with an admin sentence, never an exception, so the page can offer the fallbacks.
     */
    public SendResult sendDetails(String contactEmail) {
        Optional<SmtpSender> sender = smtpSender();
        if (sender.isEmpty()) {
            return SendResult.notConfigured();
        }
        return sender.get().send(DetailsMessage.forVendor(settings.vendorEmail(), details(contactEmail)));
    }

    public InstallationCode installationCode() {
        return machine.installationCode();
    }

    public BuildInfo build() {
        return build;
    }

    public Settings settings() {
        return settings;
    }

    /** Whether this build trusts only the development key that a build without a vendor key generates. */
    public boolean developmentBuild() {
        return trustedKeys.isDevelopmentOnly();
    }

    private LicenseRefusedException refused(Actor actor, String licenseId, LicenseRefusedException.Cause cause,
            String reason, Throwable origin) {
        try {
            store.recordRefusal(actor, licenseId, reason);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not audit a refused key [" + licenseId + "]: " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "License key [{0}] refused for [{1}] from [{2}]: {3}", licenseId, actor.user(),
                actor.remoteAddress(), reason);
        return new LicenseRefusedException(cause, reason, origin);
    }

    private Optional<SmtpSender> smtpSender() {
        Optional<SmtpSender> sender = smtpSender;
        if (sender == null) {
            // Resolved lazily: the container's JNDI mail session may be bound only once the application runs.
            sender = SmtpSender.configured(settings.mailSession().orElse(null), SmtpSettingsFactory.from(settings),
                    settings.smtpFrom(), clock);
            smtpSender = sender;
        }
        return sender;
    }

    /** At most once a second, one thread checks whether the epoch, the day or the clock guard changes the verdict. */
    private void poll() {
        long now = System.nanoTime();
        if (now - nextPollNanos < 0 || !pollLock.tryLock()) {
            return;
        }
        try {
            nextPollNanos = now + POLL_INTERVAL_NANOS;
            Snapshot s = snapshot;
            long diskEpoch = store.readEpochFromDisk();
            if (diskEpoch != s.epoch()) {
                reload();
            } else {
                Verdict v = evaluate(s.license(), s.invalidReason());
                if (!v.equals(s.verdict()) || !LocalDate.now(clock).equals(s.day())) {
                    snapshot = new Snapshot(s.license(), s.invalidReason(), s.epoch(), LocalDate.now(clock), v, s.history());
                }
            }
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not check the license data directory for changes: " + e.getMessage(), e);
        } finally {
            pollLock.unlock();
        }
    }

    /** Reads the epoch, then the key (that order never pairs a new epoch with an old key), and verifies the key. */
    private void reload() {
        synchronized (applyLock) {
            try {
                long epoch = store.readEpochFromDisk();
                Optional<byte[]> bytes = store.activeKey();
                Optional<License> license = Optional.empty();
                String invalidReason = null;
                if (bytes.isPresent()) {
                    try {
                        license = Optional.of(verifier.verify(bytes.get()));
                    } catch (LicenseKeyException e) {
                        invalidReason = e.getMessage();
                        LOG.log(Level.WARNING, "The active license key in [{0}] no longer verifies: {1}",
                                store.directory(), invalidReason);
                    }
                }
                snapshot = new Snapshot(license, invalidReason, epoch, LocalDate.now(clock),
                        evaluate(license, invalidReason), readHistory());
            } catch (StoreException e) {
                // Fail closed: an unreadable data directory means no usable license, said plainly.
                LOG.log(Level.ERROR, "Could not read the license data directory: " + e.getMessage(), e);
                long epoch = snapshot == null ? 0 : snapshot.epoch();
                snapshot = new Snapshot(Optional.empty(), e.getMessage(), epoch, LocalDate.now(clock),
                        evaluate(Optional.empty(), e.getMessage()), new History(List.of(), e));
            }
        }
    }

    private History readHistory() {
        try {
            return new History(store.history(), null);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not read the license history: " + e.getMessage(), e);
            return new History(List.of(), e);
        }
    }

    private Verdict evaluate(Optional<License> license, String invalidReason) {
        Verdict v = invalidReason != null ? evaluator.invalid(invalidReason) : evaluator.evaluate(license);
        Instant now = clock.instant();
        if (clockGuard.looksSetBack(now)) {
            v = v.withNote(Messages.get("service.clockSetBack", clockGuard.highWaterMark().toString()), Severity.WARNING);
        }
        return v;
    }
}

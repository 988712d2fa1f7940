package com.netvizura.license.service;

import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.machine.HardwareProbe;
import com.netvizura.license.machine.OshiHardwareProbe;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.Usage;
import com.netvizura.license.model.UsageDay;
import com.netvizura.license.model.QrImage;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.store.LicenseStore;
import com.netvizura.license.store.StoreException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The one object the web layer and the host application ask about the license: what it allows now, how to apply a
 * new key, and the License Details of this server. A thin facade over the {@link ActiveLicense} (the cached verdict,
 * refreshed at most once a second), the {@link KeyApplier} and the {@link DetailsSender}.
 *
 * <p>Everything slow happens at start-up or on change, never per call: the hardware probe runs once, on a thread of
 * its own that {@link #start} starts, and the active key is first read and verified there right after it, so that
 * neither holds up the deployment; a caller that needs either before then (the first request) waits for it. The key
 * is read and verified again after an apply, and when another process sharing the data directory changed it.
 * Thread-safe; one instance per application. It is not serializable: a field of this type in a passivating bean
 * (view- or session-scoped) must be {@code transient}.
 *
 * <p>Long only because it is the whole public surface (about three dozen methods, each a documented delegation of a
 * few lines); the work lives in the classes named above, and a second facade would split what callers see as one.
 */
public final class LicenseService {

    /** The largest key file accepted; a caller reading an upload needs at most one byte more to refuse a bigger one. */
    public static final int MAX_KEY_FILE_BYTES = LicenseKeyVerifier.MAX_KEY_FILE_BYTES;
    /** Days a subscription or trial keeps running after its last day of usage. */
    public static final int GRACE_DAYS = LicenseEvaluator.GRACE_DAYS;

    private static final System.Logger LOG = System.getLogger(LicenseService.class.getName());
    /** How long {@link #stop} waits for a probe still running (an application stopped right after it started). */
    private static final Duration PROBE_END_WAIT = Duration.ofSeconds(10);

    private final Settings settings;
    private final BuildInfo build;
    private final Clock clock;
    private final TrustedKeys trustedKeys;
    private final HardwareProbe probe;
    private final MachineIdentity machine;
    private final ActiveLicense active;
    private final KeyApplier applier;
    private final DetailsSender detailsSender;
    private final Reminders reminders;
    private final UsageMeter usage;
    /** Present when {@code netvizura.license.keyFile} is set. */
    private final Optional<KeyFileWatcher> keyFile;

    private LicenseService(Settings settings, HardwareProbe probe, TrustedKeys trustedKeys, BuildInfo build, Clock clock,
            String serverInfo, StartTimes times) throws LicenseDataException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.build = Objects.requireNonNull(build, "build");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trustedKeys");
        this.probe = probe;
        this.machine = new MachineIdentity(probe);
        LicenseKeyVerifier verifier = new LicenseKeyVerifier(trustedKeys);
        LicenseEvaluator evaluator = new LicenseEvaluator(machine, clock, build, settings.vendorEmail());
        LicenseStore store;
        try {
            store = LicenseStore.open(settings.licenseDirectory(), LicenseKeyVerifier::peekLicenseId, clock);
        } catch (StoreException e) {
            throw new LicenseDataException(e);
        }
        times.lap("data directory");
        this.active = new ActiveLicense(store, verifier, evaluator, clock);
        this.applier = new KeyApplier(verifier, evaluator, store, active);
        // The limits as last read, never waiting: the meter's first tick runs here, before the probe that the first
        // verdict waits for has started (asking active.license() here would wait for it forever).
        this.usage = UsageMeter.start(store.usageFile(), clock,
                () -> active.licenseIfRead().map(License::limits).orElse(Map.of()));
        this.detailsSender = new DetailsSender(settings, build, machine, clock,
                Objects.requireNonNullElse(serverInfo, "unknown"), active, () -> usage.snapshot().usage().values());
        this.reminders = Reminders.start(settings, store.reminderLedger(), clock, this::status, detailsSender::details,
                detailsSender::smtpSender, () -> usage.snapshot().usage().values());
        this.keyFile = settings.keyFile().map(path -> new KeyFileWatcher(path, this::apply, () -> {
            try {
                return store.activeKey();
            } catch (StoreException e) {
                throw new LicenseDataException(e);
            }
        }, active::epoch, clock));
        times.lap("reminders");
    }

    /**
     * Starts the service of this server as deployed: the real hardware probe, the vendor keys built into the WAR,
     * this build's version and release date, the system clock.
     *
     * @throws LicenseDataException when the data directory cannot be opened or read
     */
    public static LicenseService startOnThisServer(Settings settings, String serverInfo) throws LicenseDataException {
        StartTimes times = new StartTimes();
        TrustedKeys trustedKeys = TrustedKeys.builtIn();
        times.lap("trusted keys");
        return start(settings, new OshiHardwareProbe(settings.home()), trustedKeys, BuildInfo.current(),
                Clock.systemDefaultZone(), serverInfo, times);
    }

    /**
     * Opens the data directory and starts the reminders, then probes this machine and verifies the active key on the
     * probe's thread, and logs the start-up line when that is done. What needs the probe waits for it.
     *
     * @param serverInfo the servlet container's name and version, for the License Details
     * @throws LicenseDataException when the data directory cannot be opened or read
     */
    public static LicenseService start(Settings settings, HardwareProbe probe, TrustedKeys trustedKeys, BuildInfo build,
            Clock clock, String serverInfo) throws LicenseDataException {
        return start(settings, probe, trustedKeys, build, clock, serverInfo, new StartTimes());
    }

    private static LicenseService start(Settings settings, HardwareProbe probe, TrustedKeys trustedKeys,
            BuildInfo build, Clock clock, String serverInfo, StartTimes times) throws LicenseDataException {
        LicenseService service = new LicenseService(settings, probe, trustedKeys, build, clock, serverInfo, times);
        long heldMillis = times.totalMillis();
        try {
            service.machine.startProbing(() -> service.firstCheck(heldMillis, times));
        } catch (RuntimeException | Error e) {
            service.stop(); // no probe thread: a failed start must not leave the reminder thread behind
            throw e;
        }
        // A key file is applied before the first request is answered ("at start"): its first check waits for the
        // probe, so a site that sets netvizura.license.keyFile gives up the probe's head start, nobody else does.
        service.keyFile.ifPresent(KeyFileWatcher::start);
        return service;
    }

    /**
     * On the probe's thread once it probed: the first reading and verification of the active key, and the start-up
     * line with what each part took, those that held up the deployment ({@code heldMillis} in all) and those that ran
     * here meanwhile.
     */
    private void firstCheck(long heldMillis, StartTimes times) {
        String held = Long.toString(heldMillis);
        long begin = System.nanoTime();
        try {
            Verdict first = verdict();
            String meanwhile = "hardware probe " + machine.probeMillis() + " ms, active key "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms";
            LOG.log(Level.INFO, "NetVizura License started in {0} ms ({1}; meanwhile on its own thread: {2}): version "
                    + "[{3}] released [{4}], data directory [{5}], Installation Code [{6}], license status [{7}], "
                    + "trusted vendor keys {8}", held, times, meanwhile, build.version(), build.releaseDate(),
                    settings.licenseDirectory(), installationCode().value(), first.status(), trustedKeys.kids());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "NetVizura License started in {0} ms ({1}) but cannot check its license: {2}", held,
                    times, e.toString());
        }
    }

    /** What the license allows here and now (cached; refreshed at most once a second). */
    public Verdict verdict() {
        return active.verdict();
    }

    /** The license-change counter: a session created before the current epoch must log in again. */
    public long epoch() {
        return active.epoch();
    }

    /** The service clock's calendar day that the cached {@link #verdict()} is for. */
    public LocalDate today() {
        return active.today();
    }

    /** When the cached {@link #verdict()} was last evaluated or confirmed. */
    public Instant checkedAt() {
        return active.checkedAt();
    }

    /** The time zone of the service's clock: the one its days are counted in, and instants are shown in. */
    public ZoneId zone() {
        return clock.getZone();
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
     * is refused and audited; nothing changes then. A usable key that gives less than the active license is held:
     * {@link LicenseHeldException} says what would be lost, and only {@link #applyAnyway} applies it. When the key
     * renews the active license, {@link AppliedLicense#renewal()} says what it extends.
     *
     * @param keyFile the uploaded file, at most {@link #MAX_KEY_FILE_BYTES}
     * @param actor   who applies it, from where (for the audit log)
     * @throws LicenseHeldException when the key gives less (a {@link LicenseRefusedException}: nothing changed)
     */
    public AppliedLicense apply(byte[] keyFile, Actor actor) throws LicenseRefusedException {
        return remindAfter(applier.apply(keyFile, actor));
    }

    /**
     * Audits an upload that the web layer refused before its content was read (too large, no usable file name), as
     * {@link #apply} audits the keys it refuses; nothing else changes.
     *
     * @param reason the sentence the admin was shown
     */
    public void refuseUpload(Actor actor, String reason) {
        applier.refuseUpload(actor, reason);
    }

    /**
     * Applies a held key after the admin pressed Apply anyway: checked again as {@link #apply} checks it, and stored
     * only when {@code keyFile} is the confirmed key and the active license is still the one it was compared with.
     *
     * @param confirmed what the admin confirmed, {@link LicenseHeldException#confirmation()}
     * @throws LicenseRefusedException with {@link LicenseRefusedException.Cause#STALE_CONFIRMATION} when the key or
     *                                 the active license changed since (nothing applied), or as {@link #apply}
     */
    public AppliedLicense applyAnyway(byte[] keyFile, Confirmation confirmed, Actor actor)
            throws LicenseRefusedException {
        return remindAfter(applier.applyAnyway(keyFile, confirmed, actor));
    }

    /** A changed license may cross a reminder threshold at once (e.g. a shorter key): check on the reminder thread. */
    private AppliedLicense remindAfter(AppliedLicense applied) {
        if (applied.changed()) {
            reminders.checkSoon();
        }
        return applied;
    }

    /** Records in the audit log that the admin cancelled the held key {@code keyFile}; nothing else changes. */
    public void cancel(byte[] keyFile, Actor actor) throws LicenseDataException {
        applier.cancel(keyFile, actor);
        this.keyFile.ifPresent(watcher -> watcher.cancelled(keyFile));
    }

    /**
     * What the key file ({@code netvizura.license.keyFile}) came to at its last check (at start or when it changed);
     * empty when the setting is unset. A held key is offered only while the license it was compared with is active.
     */
    public Optional<KeyFileStatus> keyFileStatus() {
        return keyFile.map(watcher -> watcher.status(epoch()));
    }

    /**
     * Previously active keys, oldest first, each with its claims and when and by whom it was applied (read from disk
     * and the audit log with the key, not per call).
     */
    public List<PreviousKey> history() throws LicenseDataException {
        return active.history();
    }

    /**
     * The key file of the {@link #history()} entry named {@code fileName}, byte for byte; empty when no entry has that
     * name. The name is only compared with the history's own names, never used as a path.
     */
    public Optional<byte[]> previousKey(String fileName) throws LicenseDataException {
        return active.previousKey(fileName);
    }

    /** The License Details of this server. */
    public LicenseDetails details() {
        return detailsSender.details();
    }

    /** A {@code mailto:} link to the vendor with {@code details} filled in (those the page shows, so both agree). */
    public String mailtoLink(LicenseDetails details) {
        return detailsSender.mailtoLink(details);
    }

    /**
     * {@code details} as a QR code of the {@code mailto:} link to the vendor, for a phone to scan from the screen: the
     * same link as {@link #mailtoLink} unless that is too long for a readable code (then the shortened body). Takes a
     * few milliseconds: callers keep it while the details stay the same.
     */
    public QrImage detailsQr(LicenseDetails details) {
        return detailsSender.detailsQr(details);
    }

    /** Whether Send can mail from the server (an SMTP host or a usable JNDI mail session is configured). */
    public boolean canSendFromServer() {
        return detailsSender.canSendFromServer();
    }

    /**
     * Sends the License Details to the vendor from the server. Without a configured sender the outcome says so; a
     * failure is an outcome with an admin sentence, never an exception, so the page can offer the fallbacks.
     */
    public SendOutcome sendDetails() {
        return detailsSender.sendDetails();
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

    /**
     * The license as the status API, the metrics and reminder mail see it: the cached verdict with the epoch, the
     * time of the last check and the keys refused since start, taken in one piece (no file read, no signature check).
     */
    public LicenseStatusReport status() {
        return new LicenseStatusReport(active.verdict(), machine.installationCode().value(), active.epoch(),
                active.checkedAt(), applier.refusedSinceStart(), clock.getZone());
    }

    /** Whether reminder mail is on, to whom, and the last one sent or failed (as of the last check). */
    public ReminderStatus reminderStatus() {
        return reminders.status();
    }

    /**
     * Stops what runs in the background (the reminder thread) and ends what the start left running (the hardware
     * probe's threads), so that an undeployed application leaves nothing behind. The application calls it once, when
     * it stops; the cached verdict stays readable, but nothing reminds or probes again.
     */
    public void stop() {
        try {
            keyFile.ifPresent(KeyFileWatcher::stop);
            usage.stop();
            reminders.stop();
        } finally {
            if (!machine.awaitEnd(PROBE_END_WAIT)) {
                LOG.log(Level.WARNING, "The hardware probe did not end within {0} s; the application may stay in "
                        + "memory after it stops", PROBE_END_WAIT.toSeconds());
            }
            probe.release();
        }
    }

    /**
     * Takes {@code inUse} as the count of {@code name} in use now, e.g. {@code reportUsage("devices", 87)} wherever
     * the host counts its devices (DESIGN.md section 11). Returns at once: no file, lock or I/O on the caller's thread;
     * safe from many threads and as often as the host likes. The day's peak reaches {@code usage.csv} within a minute.
     *
     * @param name  {@code [a-z][a-z0-9_]{0,39}}; a name the key does not limit is kept and shown as not limited
     * @param inUse 0 or more
     * @throws IllegalArgumentException for another name, a negative count, or a 65th name
     */
    public void reportUsage(String name, long inUse) {
        usage.report(name, inUse);
    }

    /**
     * How many more of {@code name} the license allows now: its limit minus the latest count (negative when over the
     * limit; the limit itself when nothing was reported yet); empty when the key does not limit {@code name}.
     */
    public OptionalLong headroom(String name) {
        Long limit = active.license().map(l -> l.limits().get(name)).orElse(null);
        if (limit == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(limit - usage.inUse(name).orElse(0));
    }

    /** The usage of each name reported (here, or on a node sharing the data directory), by name; as of a second ago. */
    public Map<String, Usage> usage() {
        return usage.snapshot().usage();
    }

    /** The daily peaks kept ({@code usage.csv} and what is still to be written), oldest first. */
    public List<UsageDay> usageDays() {
        return usage.snapshot().days();
    }

    /** Whether a report of {@code names} keeps this server within the 64 names it keeps. */
    public boolean acceptsUsageNames(Collection<String> names) {
        return usage.accepts(names);
    }

    Reminders reminders() {
        return reminders;
    }

    /** Whether this build trusts only the development key that a build without a vendor key generates. */
    public boolean developmentBuild() {
        return trustedKeys.isDevelopmentOnly();
    }
}

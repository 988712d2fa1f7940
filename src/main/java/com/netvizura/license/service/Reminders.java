package com.netvizura.license.service;

import com.netvizura.license.mail.ReminderMessage;
import com.netvizura.license.mail.SendResult;
import com.netvizura.license.mail.SmtpSender;
import com.netvizura.license.mail.SmtpSettings;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Usage;
import com.netvizura.license.store.ReminderLedger;
import com.netvizura.license.store.StoreException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reminder mail before the license ends (DESIGN.md section 9): checks at start, after an apply and then hourly, on
 * one daemon thread of its own that {@link #stop} ends (never on a request thread), and sends at most the most
 * urgent threshold crossed, once per license id and threshold, claimed in the {@link ReminderLedger} so that only one
 * of the nodes sharing the data directory sends it. A failed send is logged with its reason and tried again at the
 * next check; a reminder that cannot be recorded is not sent, because it would be sent again every hour.
 */
final class Reminders {

    static final Duration CHECK_INTERVAL = Duration.ofHours(1);
    /** Longer than a send can take (three SMTP timeouts of at most 5 minutes); shorter than the check interval. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(30);
    static final String THREAD_NAME = "NetVizura License reminders";
    /** How long a container (JNDI) session's send may take, which the plugin's settings do not bound. */
    private static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(Reminders.class.getName());

    /** What one check did. */
    enum Outcome {
        /** Nothing crossed, or no license. */
        NOTHING_DUE,
        /** The due threshold was done already, or another node is sending it. */
        NOT_MINE,
        SENT,
        FAILED,
        /** The ledger could not be written: nothing was sent. */
        NOT_RECORDABLE
    }

    private final List<String> recipients;
    private final String vendorEmail;
    private final Duration sendTimeout;
    private final ReminderLedger ledger;
    private final Clock clock;
    private final Supplier<LicenseStatusReport> status;
    private final Supplier<LicenseDetails> details;
    private final Supplier<Optional<SmtpSender>> sender;
    private final Supplier<Collection<Usage>> usage;
    private final int usageNoticePercent;
    private final String node = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler;
    private volatile ReminderStatus shown;

    private Reminders(Settings settings, ReminderLedger ledger, Clock clock, Supplier<LicenseStatusReport> status,
            Supplier<LicenseDetails> details, Supplier<Optional<SmtpSender>> sender, Supplier<Collection<Usage>> usage) {
        this.recipients = settings.notifyEmail();
        this.vendorEmail = settings.vendorEmail();
        this.sendTimeout = settings.smtp().map(SmtpSettings::timeout).orElse(DEFAULT_SEND_TIMEOUT);
        this.ledger = ledger;
        this.clock = clock;
        this.status = status;
        this.details = details;
        this.sender = sender;
        this.usage = usage;
        this.usageNoticePercent = settings.usageNoticePercent();
        this.scheduler = recipients.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        this.shown = recipients.isEmpty() ? ReminderStatus.off()
                : new ReminderStatus(recipients, true, Optional.empty(), Optional.empty());
    }

    /**
     * Reminders as the settings ask: without {@code notifyEmail} none, and no thread; else the first check runs at
     * once on the reminder thread, then every hour. {@code usage} gives the usage of each name for usage reminders.
     */
    static Reminders start(Settings settings, ReminderLedger ledger, Clock clock, Supplier<LicenseStatusReport> status,
            Supplier<LicenseDetails> details, Supplier<Optional<SmtpSender>> sender,
            Supplier<Collection<Usage>> usage) {
        Reminders reminders = new Reminders(settings, ledger, clock, status, details, sender, usage);
        if (reminders.scheduler != null) {
            reminders.scheduler.scheduleWithFixedDelay(reminders::checkQuietly, 0, CHECK_INTERVAL.toMinutes(),
                    TimeUnit.MINUTES);
            LOG.log(Level.INFO, "NetVizura License reminder mail to {0}, checked hourly (node [{1}])", reminders.recipients,
                    reminders.node);
        }
        return reminders;
    }

    /** Asks for a check on the reminder thread (after an apply); returns at once. */
    void checkSoon() {
        checkNow();
    }

    /** Runs a check on the reminder thread; the future completes with what it did (tests wait for it). */
    Future<Outcome> checkNow() {
        if (scheduler == null) {
            return CompletableFuture.completedFuture(Outcome.NOTHING_DUE);
        }
        try {
            return scheduler.submit(this::check);
        } catch (RejectedExecutionException stopped) {
            return CompletableFuture.completedFuture(Outcome.NOTHING_DUE);
        }
    }

    /** What the License page shows; as of the last check. */
    ReminderStatus status() {
        return shown;
    }

    /**
     * Ends the reminder thread: interrupts a waiting check and waits for a send in progress (it cannot be interrupted)
     * up to the SMTP timeout, so that no thread outlives the application.
     */
    void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(sendTimeout.toSeconds() + 5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "The NetVizura License reminder thread did not stop within {0} seconds",
                        sendTimeout.toSeconds() + 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep the hourly check alive.
            LOG.log(Level.ERROR, "The reminder check failed", e);
        }
    }

    Outcome check() {
        LicenseStatusReport report = status.get();
        Set<ReminderThreshold> crossed = ReminderThreshold.crossed(report);
        Outcome outcome;
        if (crossed.isEmpty()) {
            outcome = Outcome.NOTHING_DUE;
        } else {
            outcome = send(crossed.iterator().next(), crossed, report);
        }
        if (outcome != Outcome.NOT_RECORDABLE) {
            checkUsage(report);
            refreshShown();
        }
        return outcome;
    }

    private Outcome send(ReminderThreshold due, Set<ReminderThreshold> crossed, LicenseStatusReport report) {
        return send(report.license().orElseThrow().id(), due.key(), Optional.of(due),
                crossed.stream().map(ReminderThreshold::key).collect(Collectors.toList()),
                () -> ReminderMail.compose(due, report, details.get(), recipients, vendorEmail));
    }

    /**
     * Usage reminders (DESIGN.md section 11): once per license id, name and threshold ({@code usageNoticePercent},
     * over the limit); over the limit counts the notice share as done with it. Keys {@code usage-<name>-notice} and
     * {@code usage-<name>-over}, the name's _ written as -.
     */
    private void checkUsage(LicenseStatusReport report) {
        if (report.license().isEmpty()) {
            return;
        }
        String licenseId = report.license().get().id();
        for (Usage u : usage.get()) {
            if (!u.over() && !u.atNotice(usageNoticePercent)) {
                continue;
            }
            String prefix = "usage-" + u.name().replace('_', '-');
            String key = prefix + (u.over() ? "-over" : "-notice");
            List<String> done = u.over() ? List.of(prefix + "-over", prefix + "-notice") : List.of(key);
            if (send(licenseId, key, Optional.empty(), done,
                    () -> ReminderMail.composeUsage(u, report, details.get(), recipients, vendorEmail))
                    == Outcome.NOT_RECORDABLE) {
                return;
            }
        }
    }

    private Outcome send(String licenseId, String key, Optional<ReminderThreshold> due, List<String> done,
            Supplier<ReminderMessage> compose) {
        Instant now = clock.instant();
        Optional<ReminderLedger.Claim> claim;
        try {
            claim = ledger.claim(licenseId, key, node, now, CLAIM_LEASE);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Reminder [{0}] for license [{1}] not sent: {2}", key, licenseId,
                    e.getMessage());
            shownFailure(now, licenseId, due, Messages.get("reminder.notRecorded", e.getMessage()));
            return Outcome.NOT_RECORDABLE;
        }
        if (claim.isEmpty()) {
            return Outcome.NOT_MINE;
        }
        Optional<SmtpSender> smtp = sender.get();
        SendResult result;
        if (smtp.isEmpty()) {
            result = new SendResult(false, Messages.get("reminder.notConfigured"), "");
        } else {
            result = smtp.get().send(compose.get());
        }
        try {
            if (result.delivered()) {
                ledger.recordSent(claim.get(), done, clock.instant());
                LOG.log(Level.INFO, "Reminder [{0}] for license [{1}] sent to {2}", key, licenseId, recipients);
                return Outcome.SENT;
            }
            LOG.log(Level.WARNING, "Reminder [{0}] for license [{1}] to {2} failed, retried at the next check: {3} {4}",
                    key, licenseId, recipients, result.message(), result.detail());
            ledger.recordFailed(claim.get(), result.message(), clock.instant());
            return Outcome.FAILED;
        } catch (StoreException e) {
            // Sent but not recorded: the claim stays until its lease ends, then the next check may send it again.
            LOG.log(Level.WARNING, "The outcome of reminder [{0}] for license [{1}] could not be recorded: {2}",
                    key, licenseId, e.getMessage());
            return result.delivered() ? Outcome.SENT : Outcome.FAILED;
        }
    }

    private void refreshShown() {
        try {
            ReminderLedger.Events events = ledger.events();
            shown = new ReminderStatus(recipients, sender.get().isPresent(), events.lastSent().map(Reminders::event),
                    events.lastFailed().map(Reminders::event));
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not read the reminder record: " + e.getMessage(), e);
        }
    }

    private void shownFailure(Instant at, String licenseId, Optional<ReminderThreshold> due, String reason) {
        ReminderStatus s = shown;
        shown = new ReminderStatus(recipients, s.mailConfigured(), s.lastSent(),
                Optional.of(new ReminderStatus.Event(at, licenseId, due, reason)));
    }

    private static ReminderStatus.Event event(ReminderLedger.Event e) {
        return new ReminderStatus.Event(e.at(), e.licenseId(), ReminderThreshold.ofKey(e.threshold()), e.reason());
    }
}

package com.netvizura.license.service;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseChange;
import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseComparison;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.store.ApplyOutcome;
import com.netvizura.license.store.KeyDigest;
import com.netvizura.license.store.LicenseStore;
import com.netvizura.license.store.StoreException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies a key an admin uploaded: verifies it, refuses what is not correctly signed or not usable on this server
 * today (audited; nothing changes then), holds a usable key that gives less than the active license until the admin
 * confirms it (audited; nothing else changes), stores the rest and lets the {@link ActiveLicense} read it back.
 *
 * <p>A confirmation names the key's bytes and the epoch it was compared at. Apply anyway checks everything again and
 * stores the key only while the epoch is still that one (compared under the store's directory lock), so a license
 * changed meanwhile, here or on another node, turns the confirmation stale and nothing is applied.
 */
final class KeyApplier {

    private static final System.Logger LOG = System.getLogger(KeyApplier.class.getName());
    /** How often an apply compares again when other nodes keep changing the license under it. */
    private static final int MAX_ATTEMPTS = 3;

    private final LicenseKeyVerifier verifier;
    private final LicenseEvaluator evaluator;
    private final LicenseStore store;
    private final ActiveLicense active;
    private final AtomicLong refusedSinceStart = new AtomicLong();

    KeyApplier(LicenseKeyVerifier verifier, LicenseEvaluator evaluator, LicenseStore store, ActiveLicense active) {
        this.verifier = verifier;
        this.evaluator = evaluator;
        this.store = store;
        this.active = active;
    }

    /**
     * One apply at a time in this JVM; the store serializes applies across processes as well. The key is compared
     * with the license active at one epoch and stored only while it is still that one: a key another node applied
     * in between is compared again, so that no key that gives less slips in unconfirmed.
     */
    synchronized AppliedLicense apply(byte[] keyFile, Actor actor) throws LicenseRefusedException {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(actor, "actor");
        License license = usable(keyFile, actor);
        for (int attempt = 1; ; attempt++) {
            ActiveLicense.Current before = active.fresh();
            Optional<LicenseChange> change = before.license().map(a -> LicenseComparison.between(a, license));
            if (change.isPresent() && change.get().givesLess()) {
                throw held(actor, license, change.get(), new Confirmation(KeyDigest.sha256(keyFile), before.epoch()));
            }
            ApplyOutcome outcome;
            try {
                outcome = store.applyIfUnchanged(keyFile, license.id(), actor, before.epoch(), null);
            } catch (StoreException e) {
                throw refused(actor, license.id(), LicenseRefusedException.Cause.NOT_STORED, e.getMessage(), e);
            }
            if (outcome.result() != ApplyOutcome.Result.STALE) {
                return applied(license, outcome, actor, change);
            }
            if (attempt == MAX_ATTEMPTS) {
                throw stale(actor, license);
            }
        }
    }

    /**
     * Applies a held key the admin confirmed: the same checks again, then the store, only while the key and the
     * epoch are the confirmed ones.
     */
    synchronized AppliedLicense applyAnyway(byte[] keyFile, Confirmation confirmed, Actor actor)
            throws LicenseRefusedException {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(confirmed, "confirmed");
        Objects.requireNonNull(actor, "actor");
        if (!KeyDigest.sha256(keyFile).equals(confirmed.keySha256())) {
            throw refused(actor, LicenseKeyVerifier.peekLicenseId(keyFile).orElse(null),
                    LicenseRefusedException.Cause.STALE_CONFIRMATION, Messages.get("service.stale.otherKey"), null);
        }
        License license = usable(keyFile, actor);
        ActiveLicense.Current before = active.fresh();
        if (before.epoch() != confirmed.epoch()) {
            throw stale(actor, license);
        }
        Optional<LicenseChange> change = before.license().map(a -> LicenseComparison.between(a, license));
        String note = change.filter(LicenseChange::givesLess)
                .map(c -> Messages.get("service.appliedAnyway", String.join(" ", c.lossSentences())))
                .orElse(null);
        ApplyOutcome outcome;
        try {
            outcome = store.applyIfUnchanged(keyFile, license.id(), actor, confirmed.epoch(), note);
        } catch (StoreException e) {
            throw refused(actor, license.id(), LicenseRefusedException.Cause.NOT_STORED, e.getMessage(), e);
        }
        if (outcome.result() == ApplyOutcome.Result.STALE) {
            throw stale(actor, license);
        }
        return applied(license, outcome, actor, change);
    }

    /** Records that the admin cancelled a held key; nothing else changes. */
    void cancel(byte[] keyFile, Actor actor) throws LicenseDataException {
        String id = LicenseKeyVerifier.peekLicenseId(Objects.requireNonNull(keyFile, "keyFile")).orElse(null);
        try {
            store.recordCancelled(Objects.requireNonNull(actor, "actor"), id, null);
        } catch (StoreException e) {
            throw new LicenseDataException(e);
        }
        LOG.log(Level.INFO, "License key [{0}] that gives less was cancelled by [{1}] from [{2}]", id, actor.user(),
                actor.remoteAddress());
    }

    /** The verified license of {@code keyFile} when it is usable here today; else refused and audited. */
    private License usable(byte[] keyFile, Actor actor) throws LicenseRefusedException {
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
        return license;
    }

    private AppliedLicense applied(License license, ApplyOutcome outcome, Actor actor, Optional<LicenseChange> change) {
        Verdict now = active.reload();
        LOG.log(Level.INFO, "License [{0}] {1} by [{2}] from [{3}]; epoch now {4}", license.id(),
                outcome.applied() ? "applied" : "uploaded again (already active)", actor.user(),
                actor.remoteAddress(), outcome.epoch());
        Optional<String> renewal = outcome.applied() ? change.flatMap(LicenseChange::renewal) : Optional.empty();
        return new AppliedLicense(license, now, outcome.applied(), outcome.epoch(), outcome.warnings(), renewal);
    }

    private LicenseHeldException held(Actor actor, License license, LicenseChange change, Confirmation confirmation) {
        String losses = String.join(" ", change.lossSentences());
        try {
            store.recordHeld(actor, license.id(), losses);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not audit a held key [" + license.id() + "]: " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "License key [{0}] from [{1}] at [{2}] gives less than [{3}] and waits for Apply anyway: {4}",
                license.id(), actor.user(), actor.remoteAddress(), change.activeId(), losses);
        return new LicenseHeldException(Messages.get("service.held", license.id(), change.activeId(), losses),
                license, change, confirmation);
    }

    private LicenseRefusedException stale(Actor actor, License license) {
        return refused(actor, license.id(), LicenseRefusedException.Cause.STALE_CONFIRMATION,
                Messages.get("service.stale.licenseChanged", license.id()), null);
    }

    /** Audits an upload the web layer refused before its content was read; it counts as a refused key. */
    void refuseUpload(Actor actor, String reason) {
        refused(Objects.requireNonNull(actor, "actor"), null, LicenseRefusedException.Cause.NOT_A_VALID_KEY,
                Objects.requireNonNull(reason, "reason"), null);
    }

    /** Keys refused since the service started (the metric {@code netvizura_license_refused_total}). */
    long refusedSinceStart() {
        return refusedSinceStart.get();
    }

    private LicenseRefusedException refused(Actor actor, String licenseId, LicenseRefusedException.Cause cause,
            String reason, Throwable origin) {
        try {
            store.recordRefusal(actor, licenseId, reason);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not audit a refused key " + LogValue.of(licenseId) + ": " + e.getMessage(), e);
        }
        refusedSinceStart.incrementAndGet();
        // The reason may hold what the request sent (an upload's file name, RFC 2231 or an encoded word): escaped.
        LOG.log(Level.INFO, "License key {0} refused for {1} from {2}: {3}", LogValue.of(licenseId),
                LogValue.of(actor.user()), LogValue.of(actor.remoteAddress()), LogValue.of(reason));
        return new LicenseRefusedException(cause, reason, origin);
    }
}

package com.netvizura.license.service;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.License;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.store.ApplyOutcome;
import com.netvizura.license.store.LicenseStore;
import com.netvizura.license.store.StoreException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies a key an admin uploaded: verifies it, refuses what is not correctly signed or not usable on this server
 * today (audited; nothing changes then), stores the rest and lets the {@link ActiveLicense} read it back.
 */
final class KeyApplier {

    private static final System.Logger LOG = System.getLogger(KeyApplier.class.getName());

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

    /** One apply at a time in this JVM; the store serializes applies across processes as well. */
    synchronized AppliedLicense apply(byte[] keyFile, Actor actor) throws LicenseRefusedException {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(actor, "actor");
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
        Verdict now = active.reload();
        LOG.log(Level.INFO, "License [{0}] {1} by [{2}] from [{3}]; epoch now {4}", license.id(),
                outcome.applied() ? "applied" : "uploaded again (already active)", actor.user(),
                actor.remoteAddress(), outcome.epoch());
        return new AppliedLicense(license, now, outcome.applied(), outcome.epoch(), outcome.warnings());
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
            LOG.log(Level.WARNING, "Could not audit a refused key [" + licenseId + "]: " + e.getMessage(), e);
        }
        refusedSinceStart.incrementAndGet();
        LOG.log(Level.INFO, "License key [{0}] refused for [{1}] from [{2}]: {3}", licenseId, actor.user(),
                actor.remoteAddress(), reason);
        return new LicenseRefusedException(cause, reason, origin);
    }
}

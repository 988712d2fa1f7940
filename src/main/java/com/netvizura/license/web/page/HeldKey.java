package com.netvizura.license.web.page;

import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Messages;
import com.netvizura.license.service.Confirmation;
import com.netvizura.license.service.LicenseDataException;
import com.netvizura.license.service.LicenseHeldException;
import com.netvizura.license.service.LicenseRefusedException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import com.netvizura.license.web.LicenseServiceProducer;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The key that gives less than the active license and waits for the admin's Apply anyway ({@link
 * KeyApply#applyAnyway}) or Cancel, one per admin session (an upload or Apply again in another window replaces it).
 * The License page shows what it would lose and the two buttons; each button sends back the key hash and the epoch the page showed ({@value #KEY_PARAM},
 * {@value #EPOCH_PARAM}), so a page that shows another key than the one waiting, or a license that changed since,
 * applies or cancels nothing and says why. The service checks the same again when it applies.
 */
@Named("nvHeldKey")
@SessionScoped
public class HeldKey implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(HeldKey.class.getName());

    /** The request parameters of Apply anyway and Cancel: what the page confirmed. */
    static final String KEY_PARAM = "nvConfirmKey";
    static final String EPOCH_PARAM = "nvConfirmEpoch";

    /** Transient: the service is no state of the session (see {@link LicenseServiceProducer}). */
    @Inject
    transient LicenseService service;

    @Inject
    HeldKeyOutcome outcome;

    private byte[] key;
    private Confirmation confirmation;
    private String licenseId;
    private String intro;
    private List<String> losses = List.of();

    /**
     * Keeps {@code heldKey} (the bytes {@code held} is about) until Apply anyway or Cancel, with its words in
     * {@code locale}. Any key that gives less may wait here, whoever brought it to the page.
     */
    public void hold(byte[] heldKey, LicenseHeldException held, Locale locale) {
        key = heldKey.clone();
        confirmation = held.confirmation();
        licenseId = held.license().id();
        intro = Messages.get(locale, "web.held.intro", licenseId, held.license().licensee(),
                held.change().activeId());
        losses = held.change().lossSentences();
    }

    /** Offers the key the key file holds back (DESIGN.md section 12) when no key of this session waits. */
    void offer(byte[] heldKey, LicenseHeldException held, FacesContext faces) {
        if (key == null) {
            hold(heldKey, held, PageText.locale(faces));
        }
    }

    /** Forgets the held key (it was applied, cancelled, or another key was applied). */
    public void clear() {
        key = null;
        confirmation = null;
        licenseId = null;
        intro = null;
        losses = List.of();
    }

    /** The key waiting for Apply anyway, if any (a copy). */
    Optional<byte[]> key() {
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    /**
     * Apply anyway of the waiting key was refused for {@code cause} after the page confirmed {@code posted}: the key
     * keeps waiting when the refusal was not about it (it could not be stored) or the page confirmed another key;
     * otherwise it is forgotten.
     */
    void refused(LicenseRefusedException.Cause cause, Confirmation posted) {
        boolean keepWaiting = cause == LicenseRefusedException.Cause.NOT_STORED || confirmation == null
                || !confirmation.keySha256().equals(posted.keySha256());
        if (!keepWaiting) {
            clear();
        }
    }

    /** Cancel: forgets the held key the page showed, audited; nothing else changes. */
    public void cancel() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service())) {
            return;
        }
        if (key == null) {
            return; // already applied or cancelled, perhaps in another window: nothing waits, nothing to say
        }
        if (!confirmation.keySha256().equals(posted(faces).keySha256())) {
            outcome.error(Messages.get(PageText.locale(faces), "web.held.otherKeyNotCancelled"));
            return;
        }
        String id = licenseId;
        try {
            service().cancel(key, AdminGate.actor(faces));
        } catch (LicenseDataException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not audit the cancel of license key " + LogValue.of(id) + ": "
                    + e.getMessage(), e);
        }
        clear();
        outcome.done(Messages.get(PageText.locale(faces), "web.held.cancelled", id));
    }

    /** What the page's button confirmed; a missing or odd value confirms no key (the service then says so). */
    static Confirmation posted(FacesContext faces) {
        Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
        try {
            return new Confirmation(String.valueOf(params.get(KEY_PARAM)), Long.parseLong(params.get(EPOCH_PARAM)));
        } catch (IllegalArgumentException e) {
            return new Confirmation("0".repeat(64), 0);
        }
    }

    /** Whether a key waits for Apply anyway. */
    public boolean isWaiting() {
        return key != null;
    }

    public String getLicenseId() {
        return licenseId;
    }

    /** "License key X (licensed to Y) would replace license Z, and it gives less:" */
    public String getIntro() {
        return intro;
    }

    /** What would be lost, item by item. */
    public List<String> getLosses() {
        return losses;
    }

    /** The held key's SHA-256, for the page's buttons to send back. */
    public String getKeySha256() {
        return confirmation == null ? "" : confirmation.keySha256();
    }

    /** The epoch the key was compared at, for the page's buttons to send back. */
    public long getEpoch() {
        return confirmation == null ? -1 : confirmation.epoch();
    }

    /** The service, looked up again when this session was deserialized (the field is transient). */
    private LicenseService service() {
        service = LicenseServiceProducer.orCurrent(service);
        return service;
    }
}

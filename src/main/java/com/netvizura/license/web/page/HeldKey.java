package com.netvizura.license.web.page;

import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Messages;
import com.netvizura.license.service.AppliedLicense;
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
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * The key that gives less than the active license and waits for the admin's Apply anyway, one per admin session
 * (an upload or Apply again in another window replaces it). The License page shows what it would lose and the two
 * buttons; each button sends back the key hash and the epoch the page showed ({@value #KEY_PARAM},
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
    /** The AJAX callback parameter that tells the page a key is now held: {@code args.held}. */
    static final String HELD = "held";

    /** Transient: the service is no state of the session (see {@link LicenseServiceProducer}). */
    @Inject
    transient LicenseService service;

    @Inject
    UploadAction upload;

    @Inject
    HeldKeyOutcome outcome;

    private byte[] key;
    private Confirmation confirmation;
    private String licenseId;
    private String intro;
    private List<String> losses = List.of();

    /** Keeps {@code heldKey} (the bytes {@code held} is about) until Apply anyway or Cancel. */
    void hold(byte[] heldKey, LicenseHeldException held, FacesContext faces) {
        key = heldKey.clone();
        confirmation = held.confirmation();
        licenseId = held.license().id();
        intro = Messages.get(PageText.locale(faces), "web.held.intro", licenseId, held.license().licensee(),
                held.change().activeId());
        losses = held.change().lossSentences();
        PrimeFaces.current().ajax().addCallbackParam(HELD, true);
    }

    /** Forgets the held key (it was applied, cancelled, or another key was applied). */
    void clear() {
        key = null;
        confirmation = null;
        licenseId = null;
        intro = null;
        losses = List.of();
    }

    /** Apply anyway: applies the held key when the page confirmed this key against the license active now. */
    public void applyAnyway() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service())) {
            return;
        }
        if (key == null) {
            outcome.error(Messages.get(PageText.locale(faces), "web.held.nothingWaiting"));
            return;
        }
        Confirmation posted = posted(faces);
        try {
            AppliedLicense applied = service().applyAnyway(key, posted, AdminGate.actor(faces));
            clear();
            upload.showApplied(applied, faces);
        } catch (LicenseRefusedException e) {
            boolean keepWaiting = e.refusal() == LicenseRefusedException.Cause.NOT_STORED
                    || !confirmation.keySha256().equals(posted.keySha256());
            if (!keepWaiting) {
                clear();
            }
            outcome.error(e.refusal() == LicenseRefusedException.Cause.STALE_CONFIRMATION ? e.getMessage()
                    : e.getMessage() + " " + Messages.get("upload.unchanged"));
            upload.reloadPage(faces);
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
    private static Confirmation posted(FacesContext faces) {
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

package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.service.AppliedLicense;
import com.netvizura.license.service.Confirmation;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import com.netvizura.license.web.LicenseServiceProducer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.primefaces.PrimeFaces;

/**
 * The one place where a try to apply a key on the License page comes to its outcome, whichever way the key came:
 * a file or a pasted key ({@link KeyUpload}), Apply again ({@link LicenseHistory}) or Apply anyway (here, for the
 * key {@link HeldKey} keeps). An applied key fills the pop-up (which this bean is the model of) and shows the new
 * license on the page; a key that gives less goes to {@link HeldKey}; a refusal comes back as its sentence
 * ({@link KeyOutcome#refusal}) for the caller to show where the admin acted.
 *
 * <p>The page's script learns the outcome from the AJAX callback parameters {@value #APPLIED} and {@value #HELD}
 * ({@code NvLicense.afterApply} in {@code license.js}). View-scoped: Reset in the pop-up is a postback of this view
 * and finds the pop-up as it was shown.
 */
@Named("nvApply")
@ViewScoped
public class KeyApply implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The callback parameter that tells the page a key was applied: {@code args.applied}. */
    static final String APPLIED = "applied";
    /** The callback parameter that tells the page a key now waits for Apply anyway: {@code args.held}. */
    static final String HELD = "held";

    /** Transient: the service is no state of the view (see {@link LicenseServiceProducer}). */
    @Inject
    transient LicenseService service;

    @Inject
    LicensePage page;

    @Inject
    HeldKey held;

    @Inject
    HeldKeyOutcome heldOutcome;

    private String appliedId;
    private String appliedLicensee;
    private boolean changed;
    private List<String> warnings = List.of();
    private String renewal;

    /**
     * Checks and applies {@code key} for the admin of this request (the caller has asked {@link AdminGate}).
     *
     * @return the refusal sentence, empty when the key was applied or now waits for Apply anyway
     */
    Optional<String> apply(byte[] key, FacesContext faces) {
        return show(KeyOutcome.of(service(), key, AdminGate.actor(faces), PageText.locale(faces)), faces);
    }

    /**
     * Apply anyway: applies the key {@link HeldKey} keeps when the page confirmed that key against the license
     * active now. A refusal is shown above the held key; the key keeps waiting when the refusal was not about it
     * (not stored) or the page confirmed another key.
     */
    public void applyAnyway() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service())) {
            return;
        }
        Optional<byte[]> key = held.key();
        if (key.isEmpty()) {
            heldOutcome.error(Messages.get(PageText.locale(faces), "web.held.nothingWaiting"));
            return;
        }
        Confirmation posted = HeldKey.posted(faces);
        KeyOutcome outcome = KeyOutcome.anyway(service(), key.get(), posted, AdminGate.actor(faces),
                PageText.locale(faces));
        if (outcome instanceof KeyOutcome.Refused refused) {
            held.refused(refused.cause(), posted);
            heldOutcome.error(refused.sentence());
            page.load(faces); // the license may have changed meanwhile (another window): show the one active now
            return;
        }
        held.clear();
        show(outcome, faces);
    }

    private Optional<String> show(KeyOutcome outcome, FacesContext faces) {
        if (outcome instanceof KeyOutcome.Refused refused) {
            return Optional.of(refused.sentence());
        }
        if (outcome instanceof KeyOutcome.Held waiting) {
            held.hold(waiting.key(), waiting.held(), PageText.locale(faces));
            PrimeFaces.current().ajax().addCallbackParam(HELD, true);
        } else {
            showApplied(((KeyOutcome.Applied) outcome).license(), faces);
        }
        return Optional.empty();
    }

    /** The pop-up shows the applied key (and what a renewal extends), the page the new license. */
    private void showApplied(AppliedLicense applied, FacesContext faces) {
        appliedId = applied.license().id();
        appliedLicensee = applied.license().licensee();
        changed = applied.changed();
        warnings = applied.warnings();
        renewal = applied.renewal().orElse(null);
        if (changed) {
            held.clear(); // a key that waited for Apply anyway no longer does
        }
        page.load(faces);
        PrimeFaces.current().ajax().addCallbackParam(APPLIED, true);
    }

    public String getAppliedId() {
        return appliedId;
    }

    public String getAppliedLicensee() {
        return appliedLicensee;
    }

    /** Whether the applied key changed the license (false: it was already the active one). */
    public boolean isChanged() {
        return changed;
    }

    public List<String> getWarnings() {
        return warnings;
    }

    /** What the applied key renews and extends, e.g. "Renews NVZ-...: maintenance and support until ...", or null. */
    public String getRenewal() {
        return renewal;
    }

    /** The service, looked up again when this view was deserialized (the field is transient). */
    private LicenseService service() {
        service = LicenseServiceProducer.orCurrent(service);
        return service;
    }
}

package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.service.AppliedLicense;
import com.netvizura.license.service.LicenseHeldException;
import com.netvizura.license.service.LicenseRefusedException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import com.netvizura.license.web.LicenseServiceProducer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Upload on the License page: takes the uploaded key file, lets the service verify and apply it, and tells the
 * admin the outcome: why it was refused (the current license stays), or that the new license is applied and
 * NetVizura must be reset (Reset logs out; every older session has to log in again).
 *
 * <p>The file's content decides, never its name: the name is only shown (escaped) and never used as a path. At most
 * {@value LicenseService#MAX_KEY_FILE_BYTES} + 1 bytes are read, whatever the browser claims the size is. An applied
 * key sets the AJAX callback parameter {@value #APPLIED}; the page decides what that shows. A key that gives less
 * than the active license is not applied: {@link HeldKey} keeps it for Apply anyway.
 */
@Named("nvUpload")
@ViewScoped
public class UploadAction implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The callback parameter that tells the page a key was applied: {@code args.applied} in {@code oncomplete}. */
    static final String APPLIED = "applied";

    /** Transient: the service is no state of the view (see {@link LicenseServiceProducer}). */
    @Inject
    transient LicenseService service;

    @Inject
    LicensePage page;

    @Inject
    HeldKey held;

    private String fileName;
    private String refusal;
    private String appliedId;
    private String appliedLicensee;
    private boolean changed;
    private List<String> warnings = List.of();
    private String renewal;

    /** The file-upload listener: one key file a request. */
    public void upload(FileUploadEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service())) {
            return;
        }
        UploadedFile file = event.getFile();
        fileName = file.getFileName();
        refusal = null;
        appliedId = null;
        byte[] key;
        try (InputStream in = file.getInputStream()) {
            // One byte over the limit is enough for the verifier to refuse the file as too large.
            key = in.readNBytes(LicenseService.MAX_KEY_FILE_BYTES + 1);
        } catch (IOException e) {
            refusal = Messages.get("web.upload.unreadable") + " " + Messages.get("upload.unchanged");
            return;
        }
        try {
            showApplied(service().apply(key, AdminGate.actor(faces)), faces);
        } catch (LicenseHeldException e) {
            // Gives less than the active license: the page shows what would be lost (HeldKey) instead.
            held.hold(key, e, faces);
        } catch (LicenseRefusedException e) {
            refusal = e.getMessage() + " " + Messages.get("upload.unchanged");
        }
    }

    /**
     * Shows the applied key in the pop-up (with what a renewal extends) and the new license on the page, after an
     * upload, Apply anyway or Apply again; a key that waited for Apply anyway no longer does.
     */
    void showApplied(AppliedLicense applied, FacesContext faces) {
        appliedId = applied.license().id();
        appliedLicensee = applied.license().licensee();
        changed = applied.changed();
        warnings = applied.warnings();
        renewal = applied.renewal().orElse(null);
        if (changed) {
            held.clear();
        }
        page.load(faces);
        PrimeFaces.current().ajax().addCallbackParam(APPLIED, true);
    }

    /** Reads the page again (after Apply anyway found the license changed by someone else). */
    void reloadPage(FacesContext faces) {
        page.load(faces);
    }

    /** Reset: logs out like the menu's Log out does, so the browser lands on the login form. */
    public void reset() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service())) {
            return;
        }
        LogoutAction.endSession(faces);
    }

    /** Clears the last outcome when the dialog is opened again. */
    public void clear() {
        fileName = null;
        refusal = null;
    }

    public String getFileName() {
        return fileName;
    }

    public String getRefusal() {
        return refusal;
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

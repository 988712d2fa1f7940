package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The Upload dialog of the License page: a key file or a pasted key (DESIGN.md section 12), each handed to {@link
 * KeyApply} as bytes ({@link SubmittedKey}), so both meet the same checks, size cap, refusals and pop-ups. A refusal
 * stays in the dialog with its sentence (and the file's name, escaped by the view and never used as a path); the
 * dialog can be used again at once.
 *
 * <p>Request-scoped: the dialog shows the outcome in the answer to the upload; nothing outlives it.
 */
@Named("nvKeyUpload")
@RequestScoped
public class KeyUpload {

    @Inject
    LicenseService service;

    @Inject
    KeyApply apply;

    private String pastedKey;
    private String fileName;
    private String refusal;

    /** The file-upload listener: one key file a request. */
    public void upload(FileUploadEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service)) {
            return;
        }
        UploadedFile file = event.getFile();
        fileName = file.getFileName();
        byte[] key;
        try (InputStream in = file.getInputStream()) {
            key = SubmittedKey.read(in);
        } catch (IOException e) {
            refusal = KeyOutcome.unchanged(Messages.get(PageText.locale(faces), "web.upload.unreadable"),
                    PageText.locale(faces));
            return;
        }
        refusal = apply.apply(key, faces).orElse(null);
    }

    /** Apply of the pasted key. */
    public void applyPasted() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service)) {
            return;
        }
        refusal = apply.apply(SubmittedKey.pasted(pastedKey), faces).orElse(null);
    }

    /** The text in the Paste the key field. */
    public String getPastedKey() {
        return pastedKey;
    }

    public void setPastedKey(String pastedKey) {
        this.pastedKey = pastedKey;
    }

    /** The uploaded file's name as the browser sent it (only shown), or null for a pasted key. */
    public String getFileName() {
        return fileName;
    }

    /** Why the key of this request was not applied, or null. */
    public String getRefusal() {
        return refusal;
    }
}

package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Uploads that never reach the upload bean ({@link KeyUpload}): PrimeFaces' checks refuse a file over the size
 * limit or with a name that is a path ({@code ../x.key}, {@code /etc/x.key}), and it drops a file part without a
 * name. Those got no audit line, and the name refusal a PrimeFaces sentence without "Your current license is
 * unchanged.". Listener of the upload component's {@code postValidate} event ({@code license.xhtml}): it gives each
 * such upload the plugin's sentence and the audit line every refused upload gets ({@link
 * LicenseService#refuseUpload}). Requests without the upload's file part pass untouched.
 */
@Named("nvUploadRefusals")
@RequestScoped
public class UploadRefusals {

    @Inject
    LicenseService service;

    /** After the upload component's validation: says why and audits, when the upload was refused or has no name. */
    public void afterValidation(ComponentSystemEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = AdminGate.request(faces);
        if (!(event.getComponent() instanceof EditableValueHolder upload) || !AdminGate.isAdmin(request, service)) {
            return;
        }
        String clientId = event.getComponent().getClientId(faces);
        Optional<Part> part = part(request, clientId);
        if (part.isEmpty()) {
            return;
        }
        String name = part.get().getSubmittedFileName();
        String reason;
        if (!upload.isValid()) {
            reason = part.get().getSize() > LicenseService.MAX_KEY_FILE_BYTES
                    ? Messages.get(PageText.locale(), "web.upload.tooLarge")
                    : Messages.get(PageText.locale(), "web.upload.badName", String.valueOf(name));
        } else if (name == null || name.isBlank()) {
            reason = Messages.get(PageText.locale(), "web.upload.noFileName");
            upload.setValid(false);
            faces.validationFailed();
        } else {
            return;
        }
        for (Iterator<FacesMessage> messages = faces.getMessages(clientId); messages.hasNext(); ) {
            messages.next();
            messages.remove();
        }
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, reason, reason));
        service.refuseUpload(AdminGate.actor(faces), reason);
    }

    /** The request's file part of the upload component, if this is a multipart request that carries one. */
    private static Optional<Part> part(HttpServletRequest request, String clientId) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(request.getPart(clientId));
        } catch (IOException | ServletException | IllegalStateException unreadable) {
            return Optional.empty();
        }
    }
}

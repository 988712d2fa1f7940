package com.netvizura.license.web.page;

import com.netvizura.license.model.LogValue;
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
import jakarta.servlet.http.HttpServletResponse;
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
 *
 * <p>Before validation ({@code preValidate}) it refuses a malformed upload request: PrimeFaces reads the field
 * {@code <clientId>_totalFilesCount} its script always sends with {@code Integer.parseInt}, so a request without it
 * (or with a value that is not a count) failed with a {@code NumberFormatException}, a stack trace in the log and the
 * exception's class name in the AJAX answer. Now: 400, one log line, no audit line (not an upload attempt).
 */
@Named("nvUploadRefusals")
@RequestScoped
public class UploadRefusals {

    private static final System.Logger LOG = System.getLogger(UploadRefusals.class.getName());

    @Inject
    LicenseService service;

    /** Before the upload component's validation: a request PrimeFaces would fail on is answered 400. */
    public void beforeValidation(ComponentSystemEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = AdminGate.request(faces);
        if (!(event.getComponent() instanceof EditableValueHolder upload)) {
            return;
        }
        String clientId = event.getComponent().getClientId(faces);
        String field = clientId + "_totalFilesCount";
        if (part(request, clientId).isEmpty() || isCount(request.getParameter(field))) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "Refused a malformed upload request to {0} by {1} from {2}: its field {3} "
                + "is {4}", LogValue.of(request.getRequestURI()), LogValue.of(request.getRemoteUser()),
                LogValue.of(request.getRemoteAddr()), LogValue.of(field), LogValue.of(request.getParameter(field)));
        upload.setValid(false); // PrimeFaces then skips the field; nothing is applied or audited
        try {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed upload");
        } catch (IOException | IllegalStateException e) {
            // Nothing more can be said to the client; the upload still does nothing.
        }
        faces.responseComplete();
    }

    private static boolean isCount(String value) {
        return value != null && value.length() <= 9 && !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }

    /** After the upload component's validation: says why and audits, when the upload was refused or has no name. */
    public void afterValidation(ComponentSystemEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getResponseComplete()) {
            return; // refused as malformed before validation
        }
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

package com.netvizura.license.web.page;

import com.netvizura.license.service.KeyFileStatus;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.SendOutcome;
import com.netvizura.license.web.AdminGate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The License page (admins only): the current license, its timeline, the License Details with the Installation
 * Code and Send ({@link LicenseHistory} has the history, {@link HeldKey} a key waiting for Apply anyway). Everything
 * is read once a request ({@link #load}, from the service's cached verdict) and again after a key was applied;
 * getters only return fields. Dates are the service's: today is the day of its verdict, and times are shown in its
 * clock's zone, so the timeline always agrees with the status.
 *
 * <p>Request-scoped: every action of the page (Send, an upload) renders its outcome in its own answer, so nothing
 * has to outlive a request, and a view-scoped bean would cost each view of the page a view map in the session and a
 * view-scope look-up for each of the page's expressions (about a tenth of its rendering, measured with JFR).
 */
@Named("nvLicensePage")
@RequestScoped
public class LicensePage {

    private static final System.Logger LOG = System.getLogger(LicensePage.class.getName());

    /** What the page shows of the license, kept until the service's verdict changes (one an application). */
    private static final LicensePageContent.Cache CONTENT = new LicensePageContent.Cache();

    @Inject
    LicenseService service;

    /** Where a key held from the key file is offered for Apply anyway. */
    @Inject
    HeldKey held;

    private boolean admin;
    private LicensePageContent content;
    private String keyFileSentence;
    private boolean keyFileNeedsAttention;
    private boolean sent;
    private boolean delivered;
    private String sendMessage;

    @PostConstruct
    void init() {
        FacesContext faces = FacesContext.getCurrentInstance();
        admin = AdminGate.mayView(faces, service);
        if (admin) {
            load(faces);
        }
    }

    /** View action on every GET of the page: refuses everyone but admins with 403. */
    public void checkAccess() {
        if (!admin) {
            AdminGate.forbid(FacesContext.getCurrentInstance());
        }
    }

    /** Sends the License Details to the vendor from the server (the Send button, shown when SMTP is configured). */
    public void send() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service)) {
            return;
        }
        SendOutcome result = service.sendDetails();
        sent = true;
        delivered = result.delivered();
        sendMessage = result.message();
        if (!delivered) {
            LOG.log(System.Logger.Level.WARNING, "Sending the License Details failed: {0} {1}", result.message(),
                    result.detail());
        }
    }

    /** Reads everything the page shows; called when the view is built and after a key was applied. */
    public void load(FacesContext faces) {
        // Worked out once a verdict and locale, not on every view (about 6 % of the page's rendering).
        content = CONTENT.of(service, PageText.locale(faces));
        KeyFileStatus keyFile = service.keyFileStatus().orElse(null);
        keyFileSentence = keyFile == null ? null : keyFile.sentence();
        keyFileNeedsAttention = keyFile != null && keyFile.outcome().needsAttention();
        if (keyFile != null && keyFile.held().isPresent()) {
            held.offer(keyFile.held().get().key(), keyFile.held().get().reason(), faces);
        }
    }

    /** The largest key file the upload takes, for the file chooser's own size check. */
    public int getMaxKeyFileBytes() {
        return LicenseService.MAX_KEY_FILE_BYTES;
    }

    public boolean isAdmin() {
        return admin;
    }

    /** What the page shows of the license and this server: {@code #{nvLicensePage.content.summary()}}. */
    public LicensePageContent getContent() {
        return content;
    }

    /** What the key file ({@code netvizura.license.keyFile}) came to, or null when the setting is unset. */
    public String getKeyFileSentence() {
        return keyFileSentence;
    }

    public boolean isKeyFileNeedsAttention() {
        return keyFileNeedsAttention;
    }

    /**
     * Whether Send was pressed in this request (then {@link #isDelivered} and {@link #getSendMessage} tell how it
     * went).
     */
    public boolean isSent() {
        return sent;
    }

    public boolean isDelivered() {
        return delivered;
    }

    public String getSendMessage() {
        return sendMessage;
    }
}

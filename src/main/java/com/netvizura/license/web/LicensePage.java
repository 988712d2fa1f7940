package com.netvizura.license.web;

import com.netvizura.license.mail.SendResult;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.store.HistoryEntry;
import com.netvizura.license.store.StoreException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The License page (admins only): the current license, its timeline, the License Details with the Installation
 * Code, Send, and the history. Everything is read once when the view is built ({@link #load}) and again after a
 * key was applied; getters only return fields.
 */
@Named("nvLicensePage")
@ViewScoped
public class LicensePage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(LicensePage.class.getName());

    /** One retired key for the history table. */
    public record RetiredKey(String licenseId, String retiredAt) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Inject
    LicenseService service;

    private boolean admin;
    private LicenseSummary summary;
    private LicenseTimeline timeline;
    private String installationCode;
    private String detailsText;
    private String mailtoLink;
    private String vendorEmail;
    private boolean canSendFromServer;
    private boolean developmentBuild;
    private List<RetiredKey> history = List.of();
    private String historyProblem;
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
        SendResult result = service.sendDetails(null);
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
        Locale locale = faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
        ZoneId zone = ZoneId.systemDefault();
        Verdict verdict = service.verdict();
        summary = LicenseSummary.of(verdict, zone, locale);
        timeline = verdict.license()
                .map(l -> LicenseTimeline.of(l, LocalDate.now(zone), zone, LicenseSummary.dateFormat(locale), locale))
                .orElse(null);
        installationCode = service.installationCode().value();
        LicenseDetails details = service.details(null);
        detailsText = details.toText();
        mailtoLink = service.mailtoLink(details);
        vendorEmail = service.settings().vendorEmail();
        canSendFromServer = service.canSendFromServer();
        developmentBuild = service.developmentBuild();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        List<RetiredKey> rows = new ArrayList<>();
        try {
            for (HistoryEntry e : service.history()) {
                rows.add(new RetiredKey(e.licenseId(), when.format(LocalDateTime.ofInstant(e.retiredAt(), zone))));
            }
            historyProblem = null;
        } catch (StoreException e) {
            historyProblem = e.getMessage();
        }
        Collections.reverse(rows);
        history = List.copyOf(rows);
    }

    public boolean isAdmin() {
        return admin;
    }

    public LicenseSummary getSummary() {
        return summary;
    }

    public LicenseTimeline getTimeline() {
        return timeline;
    }

    public String getInstallationCode() {
        return installationCode;
    }

    public String getDetailsText() {
        return detailsText;
    }

    public String getMailtoLink() {
        return mailtoLink;
    }

    public String getVendorEmail() {
        return vendorEmail;
    }

    public boolean isCanSendFromServer() {
        return canSendFromServer;
    }

    public boolean isDevelopmentBuild() {
        return developmentBuild;
    }

    /** Retired keys, most recently retired first. */
    public List<RetiredKey> getHistory() {
        return history;
    }

    public String getHistoryProblem() {
        return historyProblem;
    }

    /** Whether Send was pressed in this view (then {@link #isDelivered} and {@link #getSendMessage} tell how it went). */
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

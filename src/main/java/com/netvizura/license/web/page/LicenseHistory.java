package com.netvizura.license.web.page;

import com.netvizura.license.model.License;
import com.netvizura.license.model.Messages;
import com.netvizura.license.service.LicenseDataException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.PreviousKey;
import com.netvizura.license.web.AdminGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The History table of the License page: every earlier key with its id, type, dates, when and by whom it was
 * applied, a download link ({@link HistoryKeyDownloadServlet}) and Apply again, which takes the key through the same
 * checks as an upload ({@link KeyApply}; a key that gives less waits for Apply anyway in {@link HeldKey}).
 *
 * <p>The rows come from the service's history, read with the key (at start and on change), and are put in words once
 * a request. A row names its key by the history file's name, sent back with Apply again ({@value #FILE_PARAM}) and
 * only looked up in the service's own list, so a history changed meanwhile can never apply another row's key.
 */
@Named("nvHistory")
@RequestScoped
public class LicenseHistory {

    /** The request parameter of Apply again: the history file's name. */
    static final String FILE_PARAM = "nvHistoryFile";

    /** One earlier key, in words. */
    public record Row(String fileName, String licenseId, String type, String maintenanceUntil, String usageUntil,
            String applied, String retiredAt, String problem, boolean activeNow, String downloadLabel,
            String applyAgainLabel) {
    }

    @Inject
    LicenseService service;

    @Inject
    KeyApply apply;

    private List<Row> rows;
    private String problem;
    private String refusal;

    /** Apply again: the row's key through the same checks as an upload. */
    public void applyAgain() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!AdminGate.mayChange(faces, service)) {
            return;
        }
        String fileName = faces.getExternalContext().getRequestParameterMap().get(FILE_PARAM);
        Locale locale = PageText.locale(faces);
        Optional<byte[]> key;
        try {
            key = service.previousKey(fileName);
        } catch (LicenseDataException e) {
            refusal = KeyOutcome.unchanged(e.getMessage(), locale);
            return;
        }
        if (key.isEmpty()) {
            refusal = Messages.get(locale, "web.history.gone");
            return;
        }
        refusal = apply.apply(key.get(), faces).orElse(null);
        rows = null; // an apply changed the history: put it in words again for this answer
    }

    /** Earlier keys, the most recently replaced first; empty for anyone but an admin. */
    public List<Row> getRows() {
        if (rows == null) {
            rows = read(FacesContext.getCurrentInstance());
        }
        return rows;
    }

    /** Why the history could not be read, or null. */
    public String getProblem() {
        getRows();
        return problem;
    }

    /** Why Apply again applied nothing, or null. */
    public String getRefusal() {
        return refusal;
    }

    private List<Row> read(FacesContext faces) {
        if (!AdminGate.mayView(faces, service)) {
            return List.of();
        }
        Locale locale = PageText.locale(faces);
        ZoneId zone = service.zone();
        DateTimeFormatter day = LicenseSummary.dateFormat(locale);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        List<Row> result = new ArrayList<>();
        try {
            for (PreviousKey key : service.history()) {
                result.add(row(key, locale, day, when, zone));
            }
            problem = null;
        } catch (LicenseDataException e) {
            problem = e.getMessage();
        }
        Collections.reverse(result);
        return List.copyOf(result);
    }

    private static Row row(PreviousKey key, Locale locale, DateTimeFormatter day, DateTimeFormatter when, ZoneId zone) {
        Optional<License> l = key.license();
        String type = l.map(x -> Messages.get(locale, "policy.type." + x.type().claimValue())).orElse("");
        String maintenance = l.map(x -> day.format(x.maintenanceUntil())).orElse("");
        String usage = l.map(x -> x.usageUntil() == null ? Messages.get(locale, "web.license.usageNeverEnds")
                : day.format(x.usageUntil())).orElse("");
        String applied = key.applied().map(a -> Messages.get(locale, "web.history.appliedBy",
                when.format(LocalDateTime.ofInstant(a.at(), zone)), a.user(), a.remoteAddress()))
                .orElse(Messages.get(locale, "web.history.notRecorded"));
        String problem = key.unreadable().map(reason -> Messages.get(locale, "web.history.unreadable", reason))
                .orElse(null);
        return new Row(key.fileName(), key.licenseId(), type, maintenance, usage, applied,
                when.format(LocalDateTime.ofInstant(key.retiredAt(), zone)), problem, key.activeNow(),
                Messages.get(locale, "web.history.downloadLabel", key.licenseId()),
                Messages.get(locale, "web.history.applyAgainLabel", key.licenseId()));
    }
}

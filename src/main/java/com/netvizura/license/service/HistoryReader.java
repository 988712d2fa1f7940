package com.netvizura.license.service;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.model.License;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.HistoryEntry;
import com.netvizura.license.store.KeyDigest;
import com.netvizura.license.store.LicenseStore;
import com.netvizura.license.store.StoreException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the history for the License page: every previously active key, verified to show its type and dates, and
 * when and by whom it was applied, from the audit log. Runs with the key (at start and on change), never per view:
 * it reads every history file and the whole audit log.
 */
final class HistoryReader {

    private static final System.Logger LOG = System.getLogger(HistoryReader.class.getName());

    /** The history as read with the key: the entries and their files by name, or why they could not be read. */
    record History(List<PreviousKey> entries, Map<String, HistoryEntry> files, StoreException problem) {

        static History unreadable(StoreException problem) {
            return new History(List.of(), Map.of(), problem);
        }
    }

    private final LicenseStore store;
    private final LicenseKeyVerifier verifier;

    HistoryReader(LicenseStore store, LicenseKeyVerifier verifier) {
        this.store = store;
        this.verifier = verifier;
    }

    /** The history, oldest first; {@code activeKey} (null without one) marks a key that is active again. */
    History read(byte[] activeKey) {
        List<HistoryEntry> files;
        try {
            files = store.history();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not read the license history: " + e.getMessage(), e);
            return History.unreadable(e);
        }
        Map<String, List<AuditEntry>> appliesById = appliesById();
        String activeSha = activeKey == null ? null : KeyDigest.sha256(activeKey);
        List<PreviousKey> entries = new ArrayList<>(files.size());
        Map<String, HistoryEntry> byName = new LinkedHashMap<>();
        for (HistoryEntry file : files) {
            String name = file.file().getFileName().toString();
            byName.put(name, file);
            entries.add(previousKey(file, name, appliesById, activeSha));
        }
        return new History(List.copyOf(entries), Map.copyOf(byName), null);
    }

    private PreviousKey previousKey(HistoryEntry file, String name, Map<String, List<AuditEntry>> appliesById,
            String activeSha) {
        byte[] bytes;
        try {
            bytes = file.readKey();
        } catch (StoreException e) {
            return new PreviousKey(name, file.licenseId(), file.retiredAt(), Optional.empty(),
                    Optional.of(e.getMessage()), Optional.empty(), false);
        }
        Optional<License> license = Optional.empty();
        Optional<String> unreadable = Optional.empty();
        try {
            license = Optional.of(verifier.verify(bytes));
        } catch (LicenseKeyException e) {
            unreadable = Optional.of(e.getMessage());
        }
        String id = license.map(License::id).orElse(file.licenseId());
        Optional<PreviousKey.Applied> applied = appliesById.getOrDefault(id, List.of()).stream()
                .filter(a -> !a.time().isAfter(file.retiredAt()))
                .reduce((earlier, later) -> later)
                .map(a -> new PreviousKey.Applied(a.time(), a.user(), a.remoteAddress()));
        boolean activeNow = activeSha != null && activeSha.equals(KeyDigest.sha256(bytes));
        return new PreviousKey(name, id, file.retiredAt(), license, unreadable, applied, activeNow);
    }

    /** The audit lines that made a key active (applies, and changes found at start), oldest first, by license id. */
    private Map<String, List<AuditEntry>> appliesById() {
        List<AuditEntry> audit;
        try {
            audit = store.auditLog();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not read the audit log for the license history; the History shows no "
                    + "apply times: " + e.getMessage(), e);
            return Map.of();
        }
        Map<String, List<AuditEntry>> byId = new HashMap<>();
        for (AuditEntry line : audit) {
            boolean madeActive = line.outcome() == AuditEntry.Outcome.APPLIED
                    || line.outcome() == AuditEntry.Outcome.KEY_CHANGED_OUTSIDE_APPLY;
            if (madeActive && line.licenseId() != null) {
                byId.computeIfAbsent(line.licenseId(), k -> new ArrayList<>()).add(line);
            }
        }
        return byId;
    }
}

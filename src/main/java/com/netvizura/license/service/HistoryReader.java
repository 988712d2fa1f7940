package com.netvizura.license.service;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.model.License;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.HistoryEntry;
import com.netvizura.license.store.KeyDigest;
import com.netvizura.license.store.LicenseStore;
import com.netvizura.license.store.StoreException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the history for the License page: every previously active key, verified to show its type and dates, and
 * when and by whom it was applied, from the audit log. Runs with the key (at start and on change), never per view.
 *
 * <p>A history file is written once and never changed, so what a file says is kept by its name (with its size and
 * modification time, so that a file edited by hand is read again): after the start only newly retired keys are read
 * and verified. Of the audit log, the store reads {@code audit.log} each time and a rolled-over part only once.
 */
final class HistoryReader {

    private static final System.Logger LOG = System.getLogger(HistoryReader.class.getName());

    /** The history as read with the key: the entries and their files by name, or why they could not be read. */
    record History(List<PreviousKey> entries, Map<String, HistoryEntry> files, StoreException problem) {

        static History unreadable(StoreException problem) {
            return new History(List.of(), Map.of(), problem);
        }
    }

    /** What one history file says, as of its size and modification time. */
    private record Seen(long size, FileTime modified, Optional<License> license, Optional<String> unreadable,
            String sha256) {
    }

    private final LicenseStore store;
    private final LicenseKeyVerifier verifier;
    private final Map<String, Seen> seen = new HashMap<>();

    HistoryReader(LicenseStore store, LicenseKeyVerifier verifier) {
        this.store = store;
        this.verifier = verifier;
    }

    /** The history, oldest first; {@code activeKey} (null without one) marks a key that is active again. */
    synchronized History read(byte[] activeKey) {
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
        seen.keySet().retainAll(byName.keySet());
        return new History(List.copyOf(entries), Map.copyOf(byName), null);
    }

    private PreviousKey previousKey(HistoryEntry file, String name, Map<String, List<AuditEntry>> appliesById,
            String activeSha) {
        Seen key;
        try {
            key = seen(file, name);
        } catch (StoreException e) {
            return new PreviousKey(name, file.licenseId(), file.retiredAt(), Optional.empty(),
                    Optional.of(e.getMessage()), Optional.empty(), false);
        }
        String id = key.license().map(License::id).orElse(file.licenseId());
        Optional<PreviousKey.Applied> applied = appliesById.getOrDefault(id, List.of()).stream()
                .filter(a -> !a.time().isAfter(file.retiredAt()))
                .reduce((earlier, later) -> later)
                .map(a -> new PreviousKey.Applied(a.time(), a.user(), a.remoteAddress()));
        boolean activeNow = key.sha256().equals(activeSha);
        return new PreviousKey(name, id, file.retiredAt(), key.license(), key.unreadable(), applied, activeNow);
    }

    /** What {@code file} says: as seen before when its size and time are the same, else read and verified now. */
    private Seen seen(HistoryEntry file, String name) throws StoreException {
        long size;
        FileTime modified;
        try {
            size = Files.size(file.file());
            modified = Files.getLastModifiedTime(file.file());
        } catch (IOException e) {
            size = -1;
            modified = null;
        }
        Seen before = seen.get(name);
        if (before != null && before.size() == size && before.modified() != null && before.modified().equals(modified)) {
            return before;
        }
        byte[] bytes = file.readKey();
        Optional<License> license = Optional.empty();
        Optional<String> unreadable = Optional.empty();
        try {
            license = Optional.of(verifier.verify(bytes));
        } catch (LicenseKeyException e) {
            unreadable = Optional.of(e.getMessage());
        }
        Seen now = new Seen(size, modified, license, unreadable, KeyDigest.sha256(bytes));
        seen.put(name, now);
        return now;
    }

    /** The audit lines that made a key active (applies, and changes found at start), oldest first, by license id. */
    private Map<String, List<AuditEntry>> appliesById() {
        List<AuditEntry> audit;
        try {
            audit = store.keyActivations();
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

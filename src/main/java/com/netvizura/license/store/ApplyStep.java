package com.netvizura.license.store;

/** The points between the steps of an apply, in order, at which tests inject faults. */
enum ApplyStep {
    LOCKED,
    NEW_KEY_WRITTEN,
    HISTORY_COPY_WRITTEN,
    HISTORY_SAVED,
    /** The commit point: from here on the new key is the active one. */
    KEY_REPLACED,
    AUDIT_WRITTEN,
    STATE_WRITTEN;

    boolean afterCommit() {
        return compareTo(KEY_REPLACED) >= 0;
    }
}

package io.mlconnector.core.sync.reconcile;

/** How one record compares across the two systems. */
public enum RecordStatus {
    /** Present on both sides with the same amount and currency. */
    MATCHED,
    /** Present on both sides with different amounts (or currencies). */
    DIFFERENT,
    /** Present in the accounting system only (not posted, or the posted object is gone). */
    ACCOUNTING_ONLY,
    /** Present in the project system only (not yet written back, or its accounting source was deleted). */
    PROJECT_ONLY,
    /** Stopped by the connector for a fixable reason (mapping, validation); waits for replay. */
    FLAGGED
}

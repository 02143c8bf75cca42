package io.mlconnector.core.state;

/** State of a source record in the ledger. */
public enum LedgerState {
    /** A create was started; the target may or may not exist (look it up by origin id before creating). */
    PENDING,
    /** The target object exists and matches the recorded source version. */
    POSTED,
    /** Stopped for a fixable reason (mapping); nothing posted. */
    FLAGGED,
    /** Failed permanently. */
    FAILED,
    /** The source was deleted/voided and the target reversed. */
    REVERSED
}

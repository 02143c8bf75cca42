package io.mlconnector.core.observe;

/** How one scheduled month-end reconciliation run ended ({@link ReconciliationEvent}). */
public enum ReconciliationOutcome {
    /** The report was made and kept in the state store. */
    STORED,
    /** The report could not be made (a system could not be read); nothing was kept and the run is tried again. */
    FAILED
}

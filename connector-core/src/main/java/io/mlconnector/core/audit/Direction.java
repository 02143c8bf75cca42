package io.mlconnector.core.audit;

/** Which way a record flows. */
public enum Direction {
    /** FreshBooks (accounting) to Procore (project costs). */
    ACCOUNTING_TO_PROJECT,
    /** Procore (project costs) to FreshBooks (accounting). */
    PROJECT_TO_ACCOUNTING,
    /** Reference data, both ways. */
    REFERENCE_DATA,
    /** Intake and security events (webhooks, credentials). */
    INTAKE,
    /** Month-end reconciliation: both systems compared, nothing written to either. */
    RECONCILIATION
}

package io.mlconnector.core.model;

/** The kinds of object the connector creates in the project system. */
public enum TargetKind {
    /** Subcontractor invoice against a commitment (Procore requisition). */
    REQUISITION,
    /** Cost not tied to a commitment (Procore direct cost, type invoice). */
    DIRECT_COST,
    /** Owner invoice on the prime contract (Procore payment application). */
    PAYMENT_APPLICATION,
    /** Payment issued on a commitment or received on a prime contract (Procore contract payment). */
    CONTRACT_PAYMENT,
    /** Company vendor. */
    VENDOR
}

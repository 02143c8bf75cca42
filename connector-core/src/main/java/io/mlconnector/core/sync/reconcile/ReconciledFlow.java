package io.mlconnector.core.sync.reconcile;

/** Which pairing of records a reconciliation line belongs to. */
public enum ReconciledFlow {
    /** Accounting bills ↔ project-system requisitions and direct costs. */
    COSTS,
    /** Accounting invoices ↔ project-system payment applications. */
    BILLINGS,
    /** Accounting bill and invoice payments ↔ project-system contract payments. */
    PAYMENTS,
    /**
     * Project-system commitment change orders and direct costs entered there ↔ accounting expenses the connector
     * wrote.
     */
    CHANGES,
    /**
     * Project-system prime contract change orders (what the owner is charged) ↔ the moves of the accounting
     * project's fixed price the connector made; on a project not billed at a fixed price nothing is written, and the
     * change order shows as project-only.
     */
    OWNER_CHANGES
}

package io.mlconnector.core.sync.reconcile;

/** Which pairing of records a reconciliation line belongs to. */
public enum ReconciledFlow {
    /** Accounting bills ↔ project-system requisitions and direct costs. */
    COSTS,
    /** Accounting invoices ↔ project-system payment applications. */
    BILLINGS,
    /** Accounting bill and invoice payments ↔ project-system contract payments. */
    PAYMENTS,
    /** Project-system change orders and direct costs entered there ↔ accounting expenses the connector wrote. */
    CHANGES
}

package io.mlconnector.core.port;

/** The record streams the engine polls, on either side. */
public enum SourceStream {
    /** Accounting: vendor bills. */
    BILLS,
    /** Accounting: customer invoices. */
    INVOICES,
    /** Accounting: payments of bills. */
    BILL_PAYMENTS,
    /** Accounting: payments of invoices. */
    INVOICE_PAYMENTS,
    /** Either side: vendors. */
    VENDORS,
    /** Either side: projects. */
    PROJECTS,
    /** Project system: change order packages / commitment change orders. */
    CHANGE_ORDERS,
    /** Project system: change orders on the prime contract (they move what the owner is charged). */
    PRIME_CHANGE_ORDERS,
    /** Project system: direct costs. */
    DIRECT_COSTS,
    /** Project system: budget changes. */
    BUDGET_CHANGES
}

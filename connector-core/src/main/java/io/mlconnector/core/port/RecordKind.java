package io.mlconnector.core.port;

/**
 * The kind of record a webhook event names, as either side's port classifies the resource name its events carry
 * ({@link AccountingSystem#recordKindOf(String)}, {@link ProjectSystem#recordKindOf(String)}). The engine decides
 * from the kind and the side which work the event leads to.
 */
public enum RecordKind {
    /** Accounting: a vendor bill. */
    BILL,
    /** Accounting: a customer invoice. */
    INVOICE,
    /** Accounting: a payment of a bill. */
    BILL_PAYMENT,
    /** Accounting: a payment of an invoice. */
    INVOICE_PAYMENT,
    /** Accounting: an expense category. */
    CATEGORY,
    /** Either side: a vendor. */
    VENDOR,
    /** Either side: a project. */
    PROJECT,
    /** Project side: a commitment change (change order package or commitment change order). */
    CHANGE_ORDER,
    /** Project side: a change order on the prime contract (it moves what the owner is charged). */
    PRIME_CHANGE_ORDER,
    /** Project side: a direct cost. */
    DIRECT_COST,
    /** Project side: a budget change. */
    BUDGET_CHANGE,
    /** Project side: a cost code. */
    COST_CODE
}

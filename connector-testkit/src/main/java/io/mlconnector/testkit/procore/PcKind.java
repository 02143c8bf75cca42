package io.mlconnector.testkit.procore;

/** The kinds of object the Procore sandbox stores. */
public enum PcKind {
    /** Companies the app is installed in. */
    COMPANY,
    /** Projects. */
    PROJECT,
    /** Company vendors (directory). */
    VENDOR,
    /** Line item types (cost types), company level. */
    LINE_ITEM_TYPE,
    /** Project cost codes. */
    COST_CODE,
    /** WBS codes (cost code + cost type per project). */
    WBS_CODE,
    /** The company's WBS pattern (segments and delimiter). */
    WBS_PATTERN,
    /** Purchase order and work order contracts. */
    COMMITMENT,
    /** Schedule-of-values lines of commitments. */
    COMMITMENT_LINE,
    /** Billing periods. */
    BILLING_PERIOD,
    /** Requisitions (subcontractor invoices). */
    REQUISITION,
    /** Requisition contract items. */
    REQUISITION_ITEM,
    /** Contract payments. */
    CONTRACT_PAYMENT,
    /** Prime contracts. */
    PRIME_CONTRACT,
    /** Prime contract SOV lines. */
    PRIME_LINE,
    /** Payment applications (owner invoices). */
    PAYMENT_APPLICATION,
    /** Payment application line items. */
    PAYMENT_APPLICATION_LINE,
    /** Change order packages. */
    CHANGE_ORDER_PACKAGE,
    /** Change order package lines. */
    CHANGE_ORDER_LINE,
    /** Direct costs. */
    DIRECT_COST,
    /** Direct cost line items. */
    DIRECT_COST_LINE,
    /** Budget changes. */
    BUDGET_CHANGE,
    /** Adjustment line items of budget changes. */
    BUDGET_CHANGE_ADJUSTMENT,
    /** Budget line items: a project's original budget per budget code. */
    BUDGET_LINE_ITEM,
    /** Budget views of a project (one standard view each). */
    BUDGET_VIEW
}

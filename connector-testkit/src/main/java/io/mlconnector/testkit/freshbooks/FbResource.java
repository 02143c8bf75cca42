package io.mlconnector.testkit.freshbooks;

/** The FreshBooks resources the sandbox keeps, with their path, envelope keys, legacy id and event name. */
public enum FbResource {
    /** Bills from vendors ({@code bills/bills}). */
    BILL("bills/bills", "bill", "bills", null, "bill", Stamp.UTC_CREATED_UPDATED, true),
    /** Bill vendors ({@code bill_vendors/bill_vendors}); legacy id {@code vendorid}. */
    BILL_VENDOR("bill_vendors/bill_vendors", "bill_vendor", "bill_vendors", "vendorid", "bill_vendor",
        Stamp.UTC_CREATED_UPDATED, true),
    /** Payments of bills; they have no timestamp, and surface as {@code bill.update} events. */
    BILL_PAYMENT("bill_payments/bill_payments", "bill_payment", "bill_payments", null, "bill", Stamp.NONE, true),
    /** Invoices; lines only with {@code include[]=lines}. */
    INVOICE("invoices/invoices", "invoice", "invoices", "invoiceid", "invoice", Stamp.EASTERN_UPDATED, true),
    /** Invoice payments; legacy id {@code logid}. */
    PAYMENT("payments/payments", "payment", "payments", "logid", "payment", Stamp.EASTERN_UPDATED, true),
    /** Expenses; legacy id {@code expenseid}. */
    EXPENSE("expenses/expenses", "expense", "expenses", "expenseid", "expense", Stamp.EASTERN_UPDATED, true),
    /** Expense categories (read-only through the API); legacy id {@code categoryid}. */
    EXPENSE_CATEGORY("expenses/categories", "category", "categories", "categoryid", "category",
        Stamp.EASTERN_CREATED_UPDATED, true),
    /** Clients; legacy id {@code userid}. */
    CLIENT("users/clients", "client", "clients", "userid", "client", Stamp.EASTERN_UPDATED, true),
    /** Items; legacy id {@code itemid}. */
    ITEM("items/items", "item", "items", "itemid", "item", Stamp.EASTERN_UPDATED, true),
    /** Taxes; legacy id {@code taxid}; no vis_state, deleted with HTTP DELETE. */
    TAX("taxes/taxes", "tax", "taxes", "taxid", "tax", Stamp.EASTERN_UPDATED, false),
    /** Projects (business_id namespace, bare {@code project} envelope). */
    PROJECT("projects", "project", "projects", null, "project", Stamp.PROJECT, false);

    /** How a resource stamps its changes. */
    enum Stamp { NONE, EASTERN_UPDATED, EASTERN_CREATED_UPDATED, UTC_CREATED_UPDATED, PROJECT }

    private final String path;
    private final String single;
    private final String plural;
    private final String legacyId;
    private final String eventPrefix;
    private final Stamp stamp;
    private final boolean softDelete;

    FbResource(String path, String single, String plural, String legacyId, String eventPrefix, Stamp stamp,
               boolean softDelete) {
        this.path = path;
        this.single = single;
        this.plural = plural;
        this.legacyId = legacyId;
        this.eventPrefix = eventPrefix;
        this.stamp = stamp;
        this.softDelete = softDelete;
    }

    /**
     * Path below {@code /accounting/account/{account_id}/}.
     *
     * @return path below {@code /accounting/account/{account_id}/}
     */
    public String path() {
        return path;
    }

    /**
     * Key of one object in bodies, e.g. {@code bill_vendor}.
     *
     * @return key of one object in bodies, e.g
     */
    public String single() {
        return single;
    }

    /**
     * Key of the list in list responses, e.g. {@code bill_vendors}.
     *
     * @return key of the list in list responses, e.g
     */
    public String plural() {
        return plural;
    }

    /**
     * Legacy id field that duplicates {@code id}, or null.
     *
     * @return legacy id field that duplicates {@code id}, or null
     */
    public String legacyId() {
        return legacyId;
    }

    /**
     * Webhook event prefix, e.g. {@code bill} for {@code bill.create}.
     *
     * @return webhook event prefix, e.g
     */
    public String eventPrefix() {
        return eventPrefix;
    }

    Stamp stamp() {
        return stamp;
    }

    /**
     * Whether deletion is {@code vis_state = 1} rather than removal.
     *
     * @return whether deletion is {@code vis_state = 1} rather than removal
     */
    public boolean softDelete() {
        return softDelete;
    }

    /** Whether it has an Eastern {@code updated} field that {@code search[updated_min/max]} filters on. */
    boolean hasEasternUpdated() {
        return stamp == Stamp.EASTERN_UPDATED;
    }
}

package io.mlconnector.core.sync.internal.flow;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of queued work, named for the side the record comes from (accounting or project), with the resource
 * names of each side's events that lead to them. The {@link #code()} is the stored form
 * ({@link io.mlconnector.core.state.WorkItem#type()}) and never changes with a constant's name, so queues written by
 * an older version still read.
 */
public enum WorkType {
    ACCOUNTING_BILL("freshbooks.bill", "bill", "bill"),
    ACCOUNTING_INVOICE("freshbooks.invoice", "invoice", "invoice"),
    ACCOUNTING_BILL_PAYMENT("freshbooks.bill_payment", "bill_payment", "bill_payment"),
    ACCOUNTING_INVOICE_PAYMENT("freshbooks.payment", "payment", "invoice_payment"),
    ACCOUNTING_VENDOR("freshbooks.bill_vendor", "bill_vendor", "vendor"),
    ACCOUNTING_CONFIRM_WEBHOOK("freshbooks.callback_verify", "callback", "callback"),
    PROJECT_CHANGE_ORDER("procore.change_order", "change_order", "change_order"),
    PROJECT_PRIME_CHANGE_ORDER("procore.prime_change_order", "prime_change_order", "prime_change_order"),
    PROJECT_DIRECT_COST("procore.direct_cost", "direct_cost", "direct_cost"),
    PROJECT_BUDGET_CHANGE("procore.budget_change", "budget_change", "budget_change"),
    PROJECT_VENDOR("procore.vendor", "vendor", "vendor"),
    ACCOUNTING_PROJECT("freshbooks.project", "project", "project"),
    ACCOUNTING_CATEGORY("freshbooks.category", "category", "category"),
    PROJECT_PROJECT("procore.project", "project", "project"),
    PROJECT_COST_CODE("procore.cost_code", "cost_code", "cost_code");

    private final String code;
    private final String resource;
    private final String sourceType;

    WorkType(String code, String resource, String sourceType) {
        this.code = code;
        this.resource = resource;
        this.sourceType = sourceType;
    }

    /**
     * The record type in source keys ({@code freshbooks:<sourceType>:<id>}): {@code bill}, {@code invoice},
     * {@code bill_payment}, {@code invoice_payment}, {@code vendor}; Procore: {@code change_order},
     * {@code prime_change_order}, {@code direct_cost}, {@code budget_change}, {@code vendor}.
     */
    String sourceType() {
        return sourceType;
    }

    /** The value stored in {@link io.mlconnector.core.state.WorkItem#type()}. */
    public String code() {
        return code;
    }

    /** The resource name as the vendor's events spell it, used in queue dedupe keys. */
    public String resource() {
        return resource;
    }

    public static Optional<WorkType> ofCode(String code) {
        for (WorkType t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The work for a FreshBooks resource name ({@code bill}, {@code invoice}, {@code payment}, {@code bill_payment},
     * {@code bill_vendor}); a few spellings adapters may use are accepted.
     */
    public static Optional<WorkType> ofAccountingResource(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        return switch (resource.trim().toLowerCase(Locale.ROOT)) {
            case "bill", "bills" -> Optional.of(ACCOUNTING_BILL);
            case "invoice", "invoices" -> Optional.of(ACCOUNTING_INVOICE);
            case "bill_payment", "bill_payments", "billpayment" -> Optional.of(ACCOUNTING_BILL_PAYMENT);
            case "payment", "payments", "invoice_payment", "invoice_payments" -> Optional.of(ACCOUNTING_INVOICE_PAYMENT);
            case "bill_vendor", "bill_vendors", "vendor", "vendors" -> Optional.of(ACCOUNTING_VENDOR);
            case "project", "projects" -> Optional.of(ACCOUNTING_PROJECT);
            case "category", "categories", "expense_category" -> Optional.of(ACCOUNTING_CATEGORY);
            default -> Optional.empty();
        };
    }

    /**
     * The work for a Procore resource name as webhooks spell it ({@code Change Order Packages},
     * {@code Prime Change Orders}, {@code Direct Costs}, {@code Budget Changes}, {@code Company Vendors}…), compared
     * without case, spaces or underscores. Change order packages and commitment change orders are commitment changes
     * (costs); prime (contract) change orders change what the owner is charged.
     */
    public static Optional<WorkType> ofProjectResource(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String n = resource.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (n) {
            case "changeorderpackages", "changeorderpackage", "commitmentchangeorders", "commitmentchangeorder",
                 "changeorders", "changeorder" -> Optional.of(PROJECT_CHANGE_ORDER);
            case "primechangeorders", "primechangeorder", "primecontractchangeorders", "primecontractchangeorder" ->
                    Optional.of(PROJECT_PRIME_CHANGE_ORDER);
            case "directcosts", "directcost" -> Optional.of(PROJECT_DIRECT_COST);
            case "budgetchanges", "budgetchange", "budgetmodifications", "budgetmodification" ->
                    Optional.of(PROJECT_BUDGET_CHANGE);
            case "companyvendors", "companyvendor", "projectvendors", "projectvendor", "vendors", "vendor" ->
                    Optional.of(PROJECT_VENDOR);
            case "projects", "project" -> Optional.of(PROJECT_PROJECT);
            case "costcodes", "costcode" -> Optional.of(PROJECT_COST_CODE);
            default -> Optional.empty();
        };
    }

    /** Whether the record comes from the project side (its work flows project → accounting). */
    boolean fromProjectSide() {
        return name().startsWith("PROJECT_");
    }

    /** The audit direction of this work. */
    public io.mlconnector.core.audit.Direction direction() {
        return switch (this) {
            case ACCOUNTING_VENDOR, PROJECT_VENDOR, ACCOUNTING_PROJECT, ACCOUNTING_CATEGORY, PROJECT_PROJECT,
                 PROJECT_COST_CODE -> io.mlconnector.core.audit.Direction.REFERENCE_DATA;
            case ACCOUNTING_CONFIRM_WEBHOOK -> io.mlconnector.core.audit.Direction.INTAKE;
            default -> fromProjectSide() ? io.mlconnector.core.audit.Direction.PROJECT_TO_ACCOUNTING
                    : io.mlconnector.core.audit.Direction.ACCOUNTING_TO_PROJECT;
        };
    }
}

package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.port.RecordKind;
import java.util.Optional;

/**
 * The kinds of queued work, named for the side the record comes from (accounting or project); each side's port
 * classifies its events' resource names into a {@link RecordKind}, which {@link #ofAccounting} and {@link #ofProject}
 * turn into work. The {@link #code()} is the stored form
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
     * The work for a record kind named by an accounting-side event (the accounting port classifies the resource
     * name: {@link io.mlconnector.core.port.AccountingSystem#recordKindOf(String)}).
     *
     * @param kind the kind of record; may be null
     * @return the work, or empty when the accounting side has no work for the kind
     */
    public static Optional<WorkType> ofAccounting(RecordKind kind) {
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case BILL -> Optional.of(ACCOUNTING_BILL);
            case INVOICE -> Optional.of(ACCOUNTING_INVOICE);
            case BILL_PAYMENT -> Optional.of(ACCOUNTING_BILL_PAYMENT);
            case INVOICE_PAYMENT -> Optional.of(ACCOUNTING_INVOICE_PAYMENT);
            case VENDOR -> Optional.of(ACCOUNTING_VENDOR);
            case PROJECT -> Optional.of(ACCOUNTING_PROJECT);
            case CATEGORY -> Optional.of(ACCOUNTING_CATEGORY);
            default -> Optional.empty();
        };
    }

    /**
     * The work for a record kind named by a project-side event (the project port classifies the resource name:
     * {@link io.mlconnector.core.port.ProjectSystem#recordKindOf(String)}). Commitment changes are costs; prime
     * (contract) change orders change what the owner is charged.
     *
     * @param kind the kind of record; may be null
     * @return the work, or empty when the project side has no work for the kind
     */
    public static Optional<WorkType> ofProject(RecordKind kind) {
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case CHANGE_ORDER -> Optional.of(PROJECT_CHANGE_ORDER);
            case PRIME_CHANGE_ORDER -> Optional.of(PROJECT_PRIME_CHANGE_ORDER);
            case DIRECT_COST -> Optional.of(PROJECT_DIRECT_COST);
            case BUDGET_CHANGE -> Optional.of(PROJECT_BUDGET_CHANGE);
            case VENDOR -> Optional.of(PROJECT_VENDOR);
            case PROJECT -> Optional.of(PROJECT_PROJECT);
            case COST_CODE -> Optional.of(PROJECT_COST_CODE);
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

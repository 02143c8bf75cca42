package io.mlconnector.core.model;

/**
 * What a ledger entry's target is. The first five are the objects the connector creates in the project system (and
 * asks the project-system port for by origin id, see {@link #isProjectObject()}); the others are what the connector
 * writes on the accounting side, and the echo-guard entries it keeps for its own objects.
 */
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
    VENDOR,
    /** Expenses on the accounting side, one per expense category, for a change on the project side. */
    EXPENSE,
    /** The fixed price of an accounting-side project, moved by a prime contract change order. */
    FIXED_PRICE,
    /**
     * An echo guard: the entry is keyed by an object the connector created and names the record it came from, so the
     * object's own change events are recognised as echoes.
     */
    SOURCE;

    /**
     * Whether this is an object the connector creates in the project system.
     *
     * @return true for {@link #REQUISITION}, {@link #DIRECT_COST}, {@link #PAYMENT_APPLICATION},
     *         {@link #CONTRACT_PAYMENT} and {@link #VENDOR}
     */
    public boolean isProjectObject() {
        return ordinal() <= VENDOR.ordinal();
    }

    /**
     * The kind named by a ledger entry's stored text.
     *
     * @param name the stored name, may be null
     * @return the kind, or null when the text is null or names no kind
     */
    public static TargetKind ofName(String name) {
        if (name == null) {
            return null;
        }
        for (TargetKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }
}

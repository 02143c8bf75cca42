package io.mlconnector.procore.resource;

/** The two kinds of commitment, each with its own route family and body wrapper (procore.md §3.6). */
public enum CommitmentType {
    /** Purchase order contract: {@code /rest/v1.0/purchase_order_contracts}, wrapper {@code purchase_order_contract}. */
    PURCHASE_ORDER("purchase_order_contracts", "purchase_order_contract", "PurchaseOrderContract"),
    /** Work order contract (subcontract): {@code /rest/v1.0/work_order_contracts}, wrapper {@code work_order_contract}. */
    WORK_ORDER("work_order_contracts", "work_order_contract", "WorkOrderContract");

    private final String path;
    private final String wrapper;
    private final String typeName;

    CommitmentType(String path, String wrapper, String typeName) {
        this.path = path;
        this.wrapper = wrapper;
        this.typeName = typeName;
    }

    /**
     * The collection path segment.
     *
     * @return the collection path segment
     */
    public String path() {
        return path;
    }

    /**
     * The singular body key, also the ExternalRef type.
     *
     * @return the singular body key, also the ExternalRef type
     */
    public String wrapper() {
        return wrapper;
    }

    /**
     * Procore's class name as it appears in {@code holder_type} / {@code type}.
     *
     * @return procore's class name as it appears in {@code holder_type} / {@code type}
     */
    public String typeName() {
        return typeName;
    }

}

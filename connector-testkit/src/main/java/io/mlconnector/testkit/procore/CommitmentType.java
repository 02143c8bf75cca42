package io.mlconnector.testkit.procore;

import java.util.Set;

/** The two kinds of commitment: purchase orders and work orders (subcontracts). */
public enum CommitmentType {
    /** Purchase order contract. */
    PURCHASE_ORDER("PurchaseOrderContract", "purchase_order_contracts", "purchase_order_contract",
        "Purchase Order Contracts", Set.of("Draft", "Processing", "Submitted", "Partially Received", "Received",
        "Approved", "Closed")),
    /** Work order contract (subcontract). */
    WORK_ORDER("WorkOrderContract", "work_order_contracts", "work_order_contract", "Work Order Contracts",
        Set.of("Draft", "Out For Bid", "Out For Signature", "Approved", "Complete", "Terminated", "Void"));

    private final String holderType;
    private final String path;
    private final String wrapper;
    private final String resourceName;
    private final Set<String> statuses;

    CommitmentType(String holderType, String path, String wrapper, String resourceName, Set<String> statuses) {
        this.holderType = holderType;
        this.path = path;
        this.wrapper = wrapper;
        this.resourceName = resourceName;
        this.statuses = statuses;
    }

    /**
     * {@code PurchaseOrderContract} or {@code WorkOrderContract}.
     *
     * @return the holder type
     */
    public String holderType() {
        return holderType;
    }

    /**
     * Path segment under {@code /rest/v1.0/}.
     *
     * @return path segment under {@code /rest/v1.0/}
     */
    public String path() {
        return path;
    }

    /**
     * Body wrapper key.
     *
     * @return body wrapper key
     */
    public String wrapper() {
        return wrapper;
    }

    /**
     * Webhook resource name.
     *
     * @return webhook resource name
     */
    public String resourceName() {
        return resourceName;
    }

    /**
     * Valid statuses.
     *
     * @return valid statuses
     */
    public Set<String> statuses() {
        return statuses;
    }

    static CommitmentType ofHolder(String holderType) {
        return PURCHASE_ORDER.holderType.equals(holderType) ? PURCHASE_ORDER : WORK_ORDER;
    }
}

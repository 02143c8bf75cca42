package io.mlconnector.procore.model;

/**
 * The contract holding an SOV line: {@code {id, holder_type: "PurchaseOrderContract"|"WorkOrderContract"|"PrimeContract"}}.
 */
public record Holder(Long id,
                     String holderType) {
}

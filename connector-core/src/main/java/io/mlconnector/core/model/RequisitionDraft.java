package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What the engine asks the project system to post for a vendor bill against a commitment.
 *
 * @param originId      our stable source key, stored as the object's external id
 * @param commitmentId  commitment billed
 * @param invoiceNumber the vendor's bill number
 * @param billingDate   bill date
 * @param periodStart   period start (the engine uses the bill month)
 * @param periodEnd     period end
 * @param lines         amounts per commitment line
 * @param total         sum of the lines
 * @param description   short text naming the source
 */
public record RequisitionDraft(String originId, String commitmentId, String invoiceNumber, LocalDate billingDate,
                               LocalDate periodStart, LocalDate periodEnd, List<AllocatedLine> lines, Money total,
                               String description) {
    /**
     * Checks the components.
     *
     * @param originId our stable source key, stored as the object's external id
     * @param commitmentId commitment billed
     * @param invoiceNumber the vendor's bill number
     * @param billingDate bill date
     * @param periodStart period start (the engine uses the bill month)
     * @param periodEnd period end
     * @param lines amounts per commitment line
     * @param total sum of the lines
     * @param description short text naming the source
     */
    public RequisitionDraft {
        lines = List.copyOf(lines);
    }
}

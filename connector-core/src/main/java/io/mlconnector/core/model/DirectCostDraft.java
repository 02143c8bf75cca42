package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What the engine asks the project system to post for a vendor bill with no commitment.
 *
 * @param originId      our stable source key
 * @param vendorId      vendor in the project system
 * @param invoiceNumber the vendor's bill number
 * @param date          bill date
 * @param dueDate       due date, may be null
 * @param lines         amounts per cost code / cost type
 * @param total         sum of the lines
 * @param description   short text naming the source
 */
public record DirectCostDraft(String originId, String vendorId, String invoiceNumber, LocalDate date, LocalDate dueDate,
                              List<AllocatedLine> lines, Money total, String description) {
    /**
     * Checks the components.
     *
     * @param originId our stable source key
     * @param vendorId vendor in the project system
     * @param invoiceNumber the vendor's bill number
     * @param date bill date
     * @param dueDate due date, may be null
     * @param lines amounts per cost code / cost type
     * @param total sum of the lines
     * @param description short text naming the source
     */
    public DirectCostDraft {
        lines = List.copyOf(lines);
    }
}

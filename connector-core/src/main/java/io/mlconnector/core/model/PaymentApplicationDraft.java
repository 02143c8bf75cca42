package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What the engine asks the project system to post for a customer invoice: an owner invoice (payment
 * application) on the project's prime contract.
 *
 * @param originId      our stable source key
 * @param invoiceNumber the invoice number
 * @param billingDate   invoice date
 * @param periodStart   period start
 * @param periodEnd     period end
 * @param lines         amounts per cost code
 * @param total         sum of the lines
 * @param description   short text naming the source
 */
public record PaymentApplicationDraft(String originId, String invoiceNumber, LocalDate billingDate,
                                      LocalDate periodStart, LocalDate periodEnd, List<AllocatedLine> lines,
                                      Money total, String description) {
    /**
     * Checks the components.
     *
     * @param originId our stable source key
     * @param invoiceNumber the invoice number
     * @param billingDate invoice date
     * @param periodStart period start
     * @param periodEnd period end
     * @param lines amounts per cost code
     * @param total sum of the lines
     * @param description short text naming the source
     */
    public PaymentApplicationDraft {
        lines = List.copyOf(lines);
    }
}

package io.mlconnector.procore.request;

import java.math.BigDecimal;

/**
 * Editable amounts of a payment application line item (wrapper {@code payment_application_line_item}; UNCONFIRMED beyond the path).
 */
public record PaymentApplicationLineItemUpdate(BigDecimal workCompletedThisPeriod,
                                               BigDecimal materialsPresentlyStored) {
}

package io.mlconnector.core.model;

import java.time.LocalDate;

/**
 * A payment of a bill (paid to a vendor) or of an invoice (received from a client).
 *
 * @param ref      the payment
 * @param document the bill or invoice paid
 * @param amount   amount
 * @param date     payment date
 * @param method   payment method text (Check, ACH…); may be null
 * @param version  change stamp; may be null when the system has none
 * @param deleted  true when deleted in the source
 */
public record PaymentRecord(ExternalRef ref, ExternalRef document, Money amount, LocalDate date, String method,
                            String version, boolean deleted) {
}

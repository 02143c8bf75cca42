package io.mlconnector.core.model;

import java.time.LocalDate;

/**
 * A payment to record against a commitment (bill payment) or a prime contract (invoice payment).
 *
 * @param originId      our stable source key
 * @param contractId    the commitment id; null for a payment received on the project's prime contract (the
 *                      project system resolves it)
 * @param invoiceId     the requisition or payment application it pays, may be null
 * @param invoiceNumber the paid document's number, may be null
 * @param amount        amount
 * @param date          payment date
 * @param method        payment method text, may be null
 */
public record ContractPaymentDraft(String originId, String contractId, String invoiceId, String invoiceNumber,
                                   Money amount, LocalDate date, String method) {
}

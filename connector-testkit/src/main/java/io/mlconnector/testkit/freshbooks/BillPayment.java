package io.mlconnector.testkit.freshbooks;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A bill payment.
 *
 * @param id          payment id
 * @param billId      bill paid
 * @param amount      amount
 * @param paidDate    date paid
 * @param paymentType e.g. Check
 * @param visState    0 active, 1 deleted
 */
public record BillPayment(long id, long billId, BigDecimal amount, LocalDate paidDate, String paymentType,
                          int visState) {
}

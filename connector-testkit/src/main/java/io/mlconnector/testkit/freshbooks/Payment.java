package io.mlconnector.testkit.freshbooks;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice payment.
 *
 * @param id        payment id ({@code logid})
 * @param invoiceId invoice paid
 * @param amount    amount
 * @param date      payment date
 * @param type      e.g. Check
 * @param visState  0 active, 1 deleted
 */
public record Payment(long id, long invoiceId, BigDecimal amount, LocalDate date, String type, int visState) {
}

package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill as the sandbox holds it.
 *
 * @param id          bill id
 * @param vendorId    bill vendor id
 * @param billNumber  bill number or null
 * @param issueDate   issue date
 * @param dueDate     due date
 * @param currency    currency code
 * @param amount      subtotal without tax
 * @param totalAmount total with tax
 * @param paid        sum of active bill payments
 * @param outstanding total minus paid
 * @param status      unpaid, overdue, partial or paid
 * @param visState    0 active, 1 deleted, 2 archived
 * @param lines       lines
 * @param json        the full object as the API returns it
 */
public record Bill(long id, long vendorId, String billNumber, LocalDate issueDate, LocalDate dueDate, String currency,
                   BigDecimal amount, BigDecimal totalAmount, BigDecimal paid, BigDecimal outstanding, String status,
                   int visState, List<BillLine> lines, JsonNode json) {
}

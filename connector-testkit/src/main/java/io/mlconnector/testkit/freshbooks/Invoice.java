package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice.
 *
 * @param id            invoice id
 * @param clientId      client ({@code customerid})
 * @param invoiceNumber number
 * @param createDate    invoice date
 * @param currency      currency code
 * @param amount        total
 * @param paid          paid so far
 * @param outstanding   still due
 * @param status        FreshBooks numeric status (1 draft, 2 sent, 4 paid, 8 partial)
 * @param visState      0 active, 1 deleted, 2 archived
 * @param lines         lines
 * @param json          the full object, with lines
 */
public record Invoice(long id, long clientId, String invoiceNumber, LocalDate createDate, String currency,
                      BigDecimal amount, BigDecimal paid, BigDecimal outstanding, int status, int visState,
                      List<InvoiceLine> lines, JsonNode json) {
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A direct cost.
 *
 * @param id            id
 * @param projectId     project
 * @param type          invoice, expense, payroll
 * @param status        status
 * @param vendorId      vendor or null
 * @param invoiceNumber invoice number or null
 * @param originId      origin id or null
 * @param grandTotal    sum of lines
 * @param json          the full object with line items
 */
public record DirectCost(long id, long projectId, String type, String status, Long vendorId, String invoiceNumber,
                         String originId, BigDecimal grandTotal, JsonNode json) {
}

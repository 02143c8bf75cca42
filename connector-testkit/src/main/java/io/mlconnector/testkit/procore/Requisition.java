package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A requisition (subcontractor invoice) on a commitment.
 *
 * @param id                requisition id
 * @param projectId         project
 * @param commitmentId      commitment
 * @param periodId          billing period
 * @param number            sequence per commitment
 * @param status            status
 * @param invoiceNumber     invoice number or null
 * @param originId          origin id or null
 * @param totalClaimed      work this period + stored materials, over all items
 * @param currentPaymentDue summary current payment due
 * @param json              the full object (with {@code summary})
 */
public record Requisition(long id, long projectId, long commitmentId, long periodId, int number, String status,
                          String invoiceNumber, String originId, BigDecimal totalClaimed, BigDecimal currentPaymentDue,
                          JsonNode json) {
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A payment application (owner invoice) on a prime contract.
 *
 * @param id               id
 * @param projectId        project
 * @param primeContractId  prime contract
 * @param status           status
 * @param invoiceNumber    invoice number or null
 * @param originId         origin id or null
 * @param accruedThisPeriod work this period + stored materials
 * @param json             the full object with g702/g703
 */
public record PaymentApplication(long id, long projectId, long primeContractId, String status, String invoiceNumber,
                                 String originId, BigDecimal accruedThisPeriod, JsonNode json) {
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A payment on a commitment or prime contract.
 *
 * @param id            id
 * @param projectId     project
 * @param contractId    contract
 * @param amount        amount
 * @param date          payment date (YYYY-MM-DD)
 * @param requisitionId requisition paid, or null
 * @param originId      origin id or null
 * @param json          the full object
 */
public record ContractPayment(long id, long projectId, long contractId, BigDecimal amount, String date,
                              Long requisitionId, String originId, JsonNode json) {
}

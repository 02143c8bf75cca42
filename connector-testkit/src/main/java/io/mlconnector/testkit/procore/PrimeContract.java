package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A prime contract (with the owner).
 *
 * @param id         id
 * @param projectId  project
 * @param title      title
 * @param grandTotal sum of its SOV lines
 * @param json       the full object with line items
 */
public record PrimeContract(long id, long projectId, String title, BigDecimal grandTotal, JsonNode json) {
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A prime contract change order (the newer 1- and 2-tier model, {@code /rest/v1.0/projects/{p}/prime_change_orders}).
 *
 * @param id         change order id
 * @param projectId  project
 * @param contractId the prime contract
 * @param title      title
 * @param status     status ({@code approved}, {@code void}, ...)
 * @param grandTotal total of its lines
 * @param json       the full object with its {@code line_items}
 */
public record PrimeChangeOrder(long id, long projectId, long contractId, String title, String status,
                               BigDecimal grandTotal, JsonNode json) {
}

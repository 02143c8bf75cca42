package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A FreshBooks project.
 *
 * @param id            project id
 * @param title         title
 * @param clientId      client or null
 * @param budget        the time budget in whole HOURS as text (never money), or null
 * @param active        active flag
 * @param complete      complete flag
 * @param updatedAt     UTC {@code updated_at}
 * @param json          the full object
 * @param projectType   {@code fixed_price} or {@code hourly_rate}
 * @param billingMethod {@code project_rate}, {@code service_rate}, {@code team_member_rate} or {@code business_rate}
 * @param fixedPrice    what the client is charged on a fixed-price project ({@code "600.00"}), or null
 */
public record Project(long id, String title, Long clientId, String budget, boolean active, boolean complete,
                      String updatedAt, JsonNode json, String projectType, String billingMethod, String fixedPrice) {
}

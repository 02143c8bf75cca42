package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A FreshBooks project.
 *
 * @param id        project id
 * @param title     title
 * @param clientId  client or null
 * @param budget    budget as stored (text), or null
 * @param active    active flag
 * @param complete  complete flag
 * @param updatedAt UTC {@code updated_at}
 * @param json      the full object
 */
public record Project(long id, String title, Long clientId, String budget, boolean active, boolean complete,
                      String updatedAt, JsonNode json) {
}

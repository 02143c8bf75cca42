package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Procore project.
 *
 * @param id        project id
 * @param companyId owning company
 * @param name      name
 * @param originId  origin id or null
 * @param json      the full object as the API returns it
 */
public record ProcoreProject(long id, long companyId, String name, String originId, JsonNode json) {
}

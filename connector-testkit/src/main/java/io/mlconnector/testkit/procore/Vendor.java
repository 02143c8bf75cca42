package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A company vendor.
 *
 * @param id        vendor id
 * @param companyId owning company
 * @param name      name
 * @param originId  origin id or null
 * @param active    whether it is active
 * @param json      the full object
 */
public record Vendor(long id, long companyId, String name, String originId, boolean active, JsonNode json) {
}

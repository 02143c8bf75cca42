package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A bill vendor.
 *
 * @param id       vendor id ({@code vendorid})
 * @param name     vendor name
 * @param currency currency code
 * @param visState 0 active, 1 deleted, 2 archived
 * @param json     the full object
 */
public record BillVendor(long id, String name, String currency, int visState, JsonNode json) {
}

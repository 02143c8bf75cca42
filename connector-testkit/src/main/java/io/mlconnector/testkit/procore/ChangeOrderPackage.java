package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A change order package on a commitment or prime contract.
 *
 * @param id         package id
 * @param projectId  project
 * @param contractId contract
 * @param title      title
 * @param status     status (draft, pending, approved, ...)
 * @param grandTotal total
 * @param json       the full object with its line items
 */
public record ChangeOrderPackage(long id, long projectId, long contractId, String title, String status,
                                 BigDecimal grandTotal, JsonNode json) {
}

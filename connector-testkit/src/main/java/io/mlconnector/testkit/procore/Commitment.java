package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A commitment (purchase order or work order contract).
 *
 * @param id        commitment id
 * @param projectId project
 * @param type      PO or WO
 * @param title     title
 * @param status    status (e.g. Approved)
 * @param vendorId  vendor or null
 * @param lines     SOV lines
 * @param json      the detail view as the API returns it (with totals)
 */
public record Commitment(long id, long projectId, CommitmentType type, String title, String status, Long vendorId,
                         List<SovLine> lines, JsonNode json) {
}

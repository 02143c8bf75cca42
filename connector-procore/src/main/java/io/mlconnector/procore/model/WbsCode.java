package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A project WBS code ({@code GET /rest/v1.0/projects/{p}/work_breakdown_structure/wbs_codes}); segment items are kept raw (shape UNCONFIRMED).
 */
public record WbsCode(long id,
                      String flatCode,
                      String description,
                      List<JsonNode> segmentItems,
                      Instant updatedAt) {
}

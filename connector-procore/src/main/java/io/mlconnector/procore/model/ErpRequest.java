package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An ERP request as the ERP Events Dictionary prints it ({@code request_name} + {@code request_data}); typed views read the documented payloads.
 */
public record ErpRequest(Long id,
                         Long companyId,
                         String requestName,
                         JsonNode requestData,
                         Instant createdAt,
                         Instant updatedAt,
                         String integrationAppName) {
}

package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.procore.internal.json.LenientTextDeserializer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A Procore project ({@code /rest/v1.0/projects}); {@code stage} is text in lists and {@code project_stage} an object elsewhere.
 */
public record ProcoreProject(long id,
                             String name,
                             String displayName,
                             String projectNumber,
                             String address,
                             String city,
                             String stateCode,
                             String countryCode,
                             String zip,
                             String phone,
                             String description,
                             String timeZone,
                             Boolean active,
                             @JsonDeserialize(using = LenientTextDeserializer.class) String stage,
                             IdName projectStage,
                             IdName company,
                             IdName office,
                             String originId,
                             String originData,
                             String originCode,
                             String accountingProjectNumber,
                             LocalDate estimatedStartDate,
                             LocalDate estimatedCompletionDate,
                             Instant createdAt,
                             Instant updatedAt) {
    /**
     * The stage name from either {@code stage} or {@code project_stage}.
     *
     * @return the stage name from either {@code stage} or {@code project_stage}
     */
    public String stageName() {
        return stage != null ? stage : projectStage == null ? null : projectStage.name();
    }
}

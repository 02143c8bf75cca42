package io.mlconnector.procore.model;

/**
 * A company the service account can access ({@code GET /rest/v1.0/companies}).
 */
public record Company(long id,
                      String name,
                      Boolean isActive,
                      String logoUrl,
                      Boolean myCompany,
                      Boolean pcnBusinessExperience) {
}

package io.mlconnector.core.model;

/**
 * A project in the project system, always together with the company that owns it (Procore scopes every call by
 * company). Both ids are positive.
 */
public record ProjectRef(long companyId, long projectId) {
    /**
     * Checks the components.
     *
     * @param companyId the company's id
     * @param projectId the project's id
     */
    public ProjectRef {
        if (companyId <= 0) {
            throw new IllegalArgumentException("companyId must be positive: " + companyId);
        }
        if (projectId <= 0) {
            throw new IllegalArgumentException("projectId must be positive: " + projectId);
        }
    }

    @Override
    public String toString() {
        return "company " + companyId + " / project " + projectId;
    }
}

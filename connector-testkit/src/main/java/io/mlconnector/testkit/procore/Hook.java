package io.mlconnector.testkit.procore;

import java.util.Map;

/**
 * A webhook hook registered with the Procore sandbox.
 *
 * @param id                 hook id
 * @param companyId          owning company (company-scoped hook) or null
 * @param projectId          owning project (project-scoped hook) or null
 * @param namespace          namespace
 * @param apiVersion         payload format ({@code v2}, {@code v2.0}, ...)
 * @param destinationUrl     where deliveries go
 * @param destinationHeaders headers sent with each delivery (e.g. Authorization)
 */
public record Hook(long id, Long companyId, Long projectId, String namespace, String apiVersion,
                   String destinationUrl, Map<String, String> destinationHeaders) {

    /**
     * Copies the header map.
     *
     * @param id hook id
     * @param companyId owning company (company-scoped hook) or null
     * @param projectId owning project (project-scoped hook) or null
     * @param namespace namespace
     * @param apiVersion payload format ({@code v2}, {@code v2.0}, ...)
     * @param destinationUrl where deliveries go
     * @param destinationHeaders headers sent with each delivery (e.g. Authorization)
     */
    public Hook {
        destinationHeaders = Map.copyOf(destinationHeaders);
    }

    @Override
    public String toString() {
        return "Hook[id=" + id + ", companyId=" + companyId + ", projectId=" + projectId + ", destinationUrl="
            + destinationUrl + "]";
    }
}

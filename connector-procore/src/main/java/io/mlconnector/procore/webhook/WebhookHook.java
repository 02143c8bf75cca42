package io.mlconnector.procore.webhook;

import java.util.Map;

/**
 * A webhook hook (v1.0 API). Procore masks {@code destination_headers.Authorization} to its last 5 characters;
 * {@link #toString()} hides the header values anyway.
 *
 * @param id                 hook id
 * @param apiVersion         payload format
 * @param namespace          our namespace
 * @param destinationUrl     where Procore posts
 * @param destinationHeaders headers Procore adds (masked)
 * @param ownedByCompanyId   company scope, or null
 * @param ownedByProjectId   project scope, or null
 * @param ownedByUserId      creator
 */
public record WebhookHook(long id, String apiVersion, String namespace, String destinationUrl,
                          Map<String, String> destinationHeaders, Long ownedByCompanyId, Long ownedByProjectId,
                          Long ownedByUserId) {
    @Override
    public String toString() {
        return "WebhookHook[id=" + id + ", apiVersion=" + apiVersion + ", namespace=" + namespace + ", destinationUrl="
                + destinationUrl + ", destinationHeaders=" + (destinationHeaders == null ? "{}" : destinationHeaders.keySet())
                + ", company=" + ownedByCompanyId + ", project=" + ownedByProjectId + "]";
    }
}

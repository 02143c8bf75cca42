package io.mlconnector.core.model;

import java.time.Instant;

/**
 * A project in either system.
 *
 * @param ref        the project in its system
 * @param name       title
 * @param number     project number, may be null
 * @param externalId the id in the other system when linked (Procore {@code origin_id}); may be null
 * @param clientRef  the client / owner it belongs to, when known; may be null
 * @param budget     current budget, when the system tracks one; may be null
 * @param active     false when closed or archived
 * @param updatedAt  last change; may be null
 */
public record Project(ExternalRef ref, String name, String number, String externalId, ExternalRef clientRef,
                      Money budget, boolean active, Instant updatedAt) {
}

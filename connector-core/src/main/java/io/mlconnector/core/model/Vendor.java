package io.mlconnector.core.model;

import java.time.Instant;

/**
 * A vendor (supplier, subcontractor) in either system.
 *
 * @param ref          the vendor in its system
 * @param name         display name
 * @param externalId   the id the other system knows it by, when linked (Procore {@code origin_id}); may be null
 * @param externalCode a user-visible code (Procore {@code origin_code}, FreshBooks account number); may be null
 * @param active       false when deactivated/archived/deleted
 * @param updatedAt    last change, when the system reports it; may be null
 */
public record Vendor(ExternalRef ref, String name, String externalId, String externalCode, boolean active,
                     Instant updatedAt) {
}

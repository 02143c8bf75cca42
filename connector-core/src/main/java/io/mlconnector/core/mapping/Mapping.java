package io.mlconnector.core.mapping;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One link between a source id and a target id, per connection.
 *
 * @param connectionId the connection
 * @param kind         what is linked
 * @param sourceId     source-side id
 * @param targetId     target-side id (or cost code)
 * @param attributes   extra values (e.g. {@code costType})
 * @param status       confirmed or suggested
 * @param label        human-readable note (names on both sides), may be null
 * @param updatedAt    last change
 */
public record Mapping(String connectionId, MappingKind kind, String sourceId, String targetId,
                      Map<String, String> attributes, MappingStatus status, String label, Instant updatedAt) {
    /**
     * Checks the components.
     *
     * @param connectionId the connection
     * @param kind what is linked
     * @param sourceId source-side id
     * @param targetId target-side id (or cost code)
     * @param attributes extra values (e.g. {@code costType})
     * @param status confirmed or suggested
     * @param label human-readable note (names on both sides), may be null
     * @param updatedAt last change
     */
    public Mapping {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(targetId, "targetId");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        status = status == null ? MappingStatus.CONFIRMED : status;
    }

    /**
     * A confirmed mapping with no attributes.
     *
     * @param connectionId the connection
     * @param kind what is linked
     * @param sourceId source-side id
     * @param targetId target-side id (or cost code)
     * @return a confirmed mapping with no attributes
     */
    public static Mapping confirmed(String connectionId, MappingKind kind, String sourceId, String targetId) {
        return new Mapping(connectionId, kind, sourceId, targetId, Map.of(), MappingStatus.CONFIRMED, null, null);
    }

    /**
     * An attribute or null.
     *
     * @param name the name
     * @return an attribute or null
     */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /**
     * Whether a person (or an exact match) confirmed it; only confirmed mappings are used to post.
     *
     * @return whether the status is {@link MappingStatus#CONFIRMED}
     */
    public boolean isConfirmed() {
        return status == MappingStatus.CONFIRMED;
    }
}

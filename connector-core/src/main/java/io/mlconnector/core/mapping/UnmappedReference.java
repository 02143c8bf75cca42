package io.mlconnector.core.mapping;

import java.time.Instant;

/**
 * A source id that a record needed but no confirmed mapping exists for (so the record was flagged).
 *
 * @param connectionId the connection
 * @param kind         the missing mapping kind
 * @param sourceId     the source id
 * @param label        what it is, for people (e.g. the vendor's name)
 * @param lastSeen     last time a record needed it
 */
public record UnmappedReference(String connectionId, MappingKind kind, String sourceId, String label, Instant lastSeen) {
}

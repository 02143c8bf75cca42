package io.mlconnector.core.sync;

import io.mlconnector.core.mapping.MappingKind;

/**
 * One mapping the engine used to turn a record into a target object (shown in previews and audit details).
 *
 * @param kind     mapping kind
 * @param sourceId the id looked up
 * @param targetId what it resolved to
 * @param costType cost type attribute, when the mapping carries one
 */
public record ResolvedMapping(MappingKind kind, String sourceId, String targetId, String costType) {
}

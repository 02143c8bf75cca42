package io.mlconnector.core.operator;

import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A source record with no confirmed mapping that records need, or that alignment paired by name and a person has
 * not confirmed yet.
 *
 * @param kind        the mapping kind
 * @param sourceId    the source-side id
 * @param sourceName  the source record's name, may be null when the source system does not list it
 * @param description what it is, in words ("Vendor 'Lone Pine Framing' (FreshBooks vendor 100012)")
 * @param suggested   the target alignment stored as a {@code SUGGESTED} mapping, null when none is stored
 * @param nameMatches other targets whose names look alike, best first (empty when a suggestion is stored)
 * @param waitingKeys the keys of the flagged records waiting for this mapping
 * @param lastSeen    when a record last needed it, null when no record has
 */
public record UnmappedItem(MappingKind kind, String sourceId, String sourceName, String description,
                           TargetOption suggested, List<ScoredOption> nameMatches, List<String> waitingKeys,
                           Instant lastSeen) {
    /**
     * Checks and copies the components.
     *
     * @param kind the mapping kind
     * @param sourceId the source-side id
     * @param sourceName the source record's name, may be null
     * @param description what it is, in words
     * @param suggested the stored suggestion, may be null
     * @param nameMatches other targets whose names look alike
     * @param waitingKeys the keys of the records waiting for it
     * @param lastSeen when a record last needed it, may be null
     */
    public UnmappedItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(description, "description");
        nameMatches = List.copyOf(nameMatches);
        waitingKeys = List.copyOf(waitingKeys);
    }

    /**
     * The mapping this item names.
     *
     * @return kind and source id
     */
    public MappingRef ref() {
        return new MappingRef(kind, sourceId);
    }
}

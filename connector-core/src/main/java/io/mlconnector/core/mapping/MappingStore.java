package io.mlconnector.core.mapping;

import java.util.List;
import java.util.Optional;

/**
 * SPI: the mapping table, per connection. Hosts may implement it over their own database; the in-memory,
 * JDBC and caching implementations all pass connector-testkit's {@code MappingStoreContract}, and so can yours.
 */
public interface MappingStore {

    /**
     * The mapping of a source id (confirmed or suggested).
     *
     * @param connectionId the connection's id
     * @param kind the kind
     * @param sourceId source-side id
     * @return the mapping of a source id (confirmed or suggested)
     */
    Optional<Mapping> find(String connectionId, MappingKind kind, String sourceId);

    /**
     * Reverse lookup: the mapping whose target is {@code targetId}; with several, the one with the lowest source id.
     *
     * @param connectionId the connection's id
     * @param kind the kind
     * @param targetId target-side id (or cost code)
     * @return reverse lookup: the mapping whose target is {@code targetId}
     */
    Optional<Mapping> findByTarget(String connectionId, MappingKind kind, String targetId);

    /**
     * Inserts or replaces the mapping for (connection, kind, sourceId); clears a matching unmapped reference.
     *
     * @param mapping the mapping
     */
    void put(Mapping mapping);

    /**
     * Removes a mapping; returns whether one existed.
     *
     * @param connectionId the connection's id
     * @param kind the kind
     * @param sourceId source-side id
     * @return whether one existed
     */
    boolean remove(String connectionId, MappingKind kind, String sourceId);

    /**
     * All mappings of a kind for a connection, sorted by source id.
     *
     * @param connectionId the connection's id
     * @param kind the kind
     * @return all mappings of a kind for a connection, sorted by source id
     */
    List<Mapping> list(String connectionId, MappingKind kind);

    /**
     * Notes that a record needed a mapping that does not exist; replaces an earlier note for the same source id and
     * is ignored while a confirmed mapping exists.
     *
     * @param reference the unmapped reference
     */
    void recordUnmapped(UnmappedReference reference);

    /**
     * Source ids still waiting for a confirmed mapping, sorted by kind name then source id.
     *
     * @param connectionId the connection's id
     * @return source ids still waiting for a confirmed mapping, sorted by kind name then source id
     */
    List<UnmappedReference> unmapped(String connectionId);
}

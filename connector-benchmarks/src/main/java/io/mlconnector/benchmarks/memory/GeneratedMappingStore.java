package io.mlconnector.benchmarks.memory;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.mapping.UnmappedReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for the database behind the cache: {@code mappingsPerConnection} mappings per connection exist, and
 * {@link #find} builds each one on demand (fresh objects, as a JDBC store returns), holding nothing itself — in
 * production those rows live in PostgreSQL, not on the heap. Ids: vendor, GL account and project source ids are
 * {@code 0 .. n-1} in a fixed split (60 % vendors, 30 % GL accounts with a cost type, 10 % projects).
 */
final class GeneratedMappingStore implements MappingStore {
    private static final Instant UPDATED = Instant.parse("2024-05-01T12:00:00Z");

    private final int perConnection;

    GeneratedMappingStore(int mappingsPerConnection) {
        this.perConnection = mappingsPerConnection;
    }

    /** The kind of the {@code i}-th mapping of a connection. */
    MappingKind kindOf(int i) {
        int bucket = i % 10;
        return bucket < 6 ? MappingKind.VENDOR : bucket < 9 ? MappingKind.GL_ACCOUNT : MappingKind.PROJECT;
    }

    /** The source id of the {@code i}-th mapping. */
    static String sourceIdOf(int i) {
        return Integer.toString(4_000_000 + i);
    }

    @Override
    public Optional<Mapping> find(String connectionId, MappingKind kind, String sourceId) {
        int i;
        try {
            i = Integer.parseInt(sourceId) - 4_000_000;
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (i < 0 || i >= perConnection || kindOf(i) != kind) {
            return Optional.empty();
        }
        long target = 562_949_953_000_000L + i;
        String label;
        Map<String, String> attributes = Map.of();
        switch (kind) {
            case VENDOR -> label = "Vendor " + i + " ↔ Vendor " + i + " Inc.";
            case GL_ACCOUNT -> {
                label = "Expense category " + i + " ↔ cost code " + (i % 2000);
                attributes = Map.of("costType", "M");
                return Optional.of(new Mapping(connectionId, kind, sourceId, String.format("%02d-%03d",
                        1 + (i % 2000) / 100, 100 + i % 100), attributes, MappingStatus.CONFIRMED, label, UPDATED));
            }
            default -> label = "Project " + i;
        }
        return Optional.of(new Mapping(connectionId, kind, sourceId, Long.toString(target), attributes,
                MappingStatus.CONFIRMED, label, UPDATED));
    }

    @Override
    public Optional<Mapping> findByTarget(String connectionId, MappingKind kind, String targetId) {
        throw new UnsupportedOperationException("not used by the memory benchmark");
    }

    @Override
    public void put(Mapping mapping) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean remove(String connectionId, MappingKind kind, String sourceId) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<Mapping> list(String connectionId, MappingKind kind) {
        throw new UnsupportedOperationException("not used by the memory benchmark");
    }

    @Override
    public void recordUnmapped(UnmappedReference reference) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<UnmappedReference> unmapped(String connectionId) {
        return List.of();
    }
}

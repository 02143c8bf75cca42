package io.mlconnector.core.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe in-process {@link MappingStore}. Writes to one key (a mapping and its "unmapped" sighting) run inside
 * the mapping map's per-key {@code compute}, so a confirmed mapping racing a sighting of the same reference never
 * leaves the reference listed as unmapped.
 */
public final class InMemoryMappingStore implements MappingStore {
    private record Key(String connectionId, MappingKind kind, String id) {
    }

    private final Map<Key, Mapping> mappings = new ConcurrentHashMap<>();
    private final Map<Key, UnmappedReference> unmapped = new ConcurrentHashMap<>();

    @Override
    public Optional<Mapping> find(String connectionId, MappingKind kind, String sourceId) {
        return Optional.ofNullable(mappings.get(new Key(connectionId, kind, sourceId)));
    }

    @Override
    public Optional<Mapping> findByTarget(String connectionId, MappingKind kind, String targetId) {
        return mappings.values().stream()
                .filter(m -> m.connectionId().equals(connectionId) && m.kind() == kind && m.targetId().equals(targetId))
                .min(Comparator.comparing(Mapping::sourceId));
    }

    @Override
    public void put(Mapping mapping) {
        Key key = new Key(mapping.connectionId(), mapping.kind(), mapping.sourceId());
        mappings.compute(key, (k, previous) -> {
            if (mapping.isConfirmed()) {
                unmapped.remove(k);
            }
            return mapping;
        });
    }

    @Override
    public boolean remove(String connectionId, MappingKind kind, String sourceId) {
        return mappings.remove(new Key(connectionId, kind, sourceId)) != null;
    }

    @Override
    public List<Mapping> list(String connectionId, MappingKind kind) {
        List<Mapping> out = new ArrayList<>();
        mappings.values().forEach(m -> {
            if (m.connectionId().equals(connectionId) && m.kind() == kind) {
                out.add(m);
            }
        });
        out.sort(Comparator.comparing(Mapping::sourceId));
        return out;
    }

    @Override
    public void recordUnmapped(UnmappedReference reference) {
        Key key = new Key(reference.connectionId(), reference.kind(), reference.sourceId());
        mappings.compute(key, (k, existing) -> {
            if (existing == null || !existing.isConfirmed()) {
                unmapped.put(k, reference);
            }
            return existing;
        });
    }

    @Override
    public List<UnmappedReference> unmapped(String connectionId) {
        List<UnmappedReference> out = new ArrayList<>();
        unmapped.values().forEach(u -> {
            if (u.connectionId().equals(connectionId)) {
                out.add(u);
            }
        });
        out.sort(Comparator.comparing((UnmappedReference u) -> u.kind().name()).thenComparing(UnmappedReference::sourceId));
        return out;
    }
}

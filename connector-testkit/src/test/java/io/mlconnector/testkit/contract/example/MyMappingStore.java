package io.mlconnector.testkit.contract.example;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.mapping.UnmappedReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A custom {@link MappingStore} as a user would write one (here over two sorted maps and one lock, standing in for
 * the user's own table): the README's "your own store" step runs {@code MappingStoreContract} against it.
 */
public class MyMappingStore implements MappingStore {
    private final TreeMap<String, Mapping> mappings = new TreeMap<>();
    private final TreeMap<String, UnmappedReference> unmapped = new TreeMap<>();

    private static String key(String connectionId, MappingKind kind, String sourceId) {
        // one row per (connection, kind, source); the separator cannot occur in a kind name
        return connectionId + '\u0000' + kind.name() + '\u0000' + sourceId;
    }

    @Override
    public synchronized Optional<Mapping> find(String connectionId, MappingKind kind, String sourceId) {
        return Optional.ofNullable(mappings.get(key(connectionId, kind, sourceId)));
    }

    @Override
    public synchronized Optional<Mapping> findByTarget(String connectionId, MappingKind kind, String targetId) {
        return list(connectionId, kind).stream().filter(m -> m.targetId().equals(targetId)).findFirst();
    }

    @Override
    public synchronized void put(Mapping mapping) {
        String key = key(mapping.connectionId(), mapping.kind(), mapping.sourceId());
        mappings.put(key, mapping);
        if (mapping.isConfirmed()) {
            unmapped.remove(key);
        }
    }

    @Override
    public synchronized boolean remove(String connectionId, MappingKind kind, String sourceId) {
        return mappings.remove(key(connectionId, kind, sourceId)) != null;
    }

    @Override
    public synchronized List<Mapping> list(String connectionId, MappingKind kind) {
        List<Mapping> out = new ArrayList<>();
        for (Mapping m : mappings.values()) {
            if (m.connectionId().equals(connectionId) && m.kind() == kind) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Mapping::sourceId));
        return out;
    }

    @Override
    public synchronized void recordUnmapped(UnmappedReference reference) {
        String key = key(reference.connectionId(), reference.kind(), reference.sourceId());
        Mapping existing = mappings.get(key);
        if (existing == null || !existing.isConfirmed()) {
            unmapped.put(key, reference);
        }
    }

    @Override
    public synchronized List<UnmappedReference> unmapped(String connectionId) {
        List<UnmappedReference> out = new ArrayList<>();
        for (UnmappedReference u : unmapped.values()) {
            if (u.connectionId().equals(connectionId)) {
                out.add(u);
            }
        }
        out.sort(Comparator.comparing((UnmappedReference u) -> u.kind().name())
                .thenComparing(UnmappedReference::sourceId));
        return out;
    }
}

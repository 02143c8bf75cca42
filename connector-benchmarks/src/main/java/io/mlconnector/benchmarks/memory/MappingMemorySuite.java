package io.mlconnector.benchmarks.memory;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.Heap;
import io.mlconnector.benchmarks.report.Numbers;
import io.mlconnector.core.mapping.CachingMappingStore;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.MappingStore;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 5: heap per connection with 100 connections × 100,000 mappings each behind {@link CachingMappingStore}
 * (Caffeine, bounded at its default 10,000 lookups). Every mapping of every connection is looked up once (10 million
 * lookups, all misses at first), then the cache is settled and the heap it retains (after full collections) divided
 * by the number of connections. Two layouts: one cache shared by all connections (one engine serving 100
 * connections), and one cache per connection (an engine per connection). The mappings themselves come from a
 * generator standing in for the database ({@link GeneratedMappingStore}); for comparison, the heap of one
 * connection's 100,000 mappings held in {@link InMemoryMappingStore} (no database) is measured too.
 */
public final class MappingMemorySuite implements Suite {
    private static final int CONNECTIONS = Integer.getInteger("bench.memory.connections", 100);
    private static final int PER_CONNECTION = Integer.getInteger("bench.memory.mappings", 100_000);
    private static final long CACHE_SIZE = 10_000;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return CONNECTIONS + " connections × " + Numbers.count(PER_CONNECTION)
                + " mappings behind the bounded Caffeine mapping cache: heap per connection";
    }

    @Override
    public List<Figure> run() {
        GeneratedMappingStore db = new GeneratedMappingStore(PER_CONNECTION);
        // each measurement in its own method, so what one measured is unreachable before the next starts
        return List.of(sharedCache(db), cachePerConnection(db), unbounded(db));
    }

    private Figure sharedCache(GeneratedMappingStore db) {
        long base = Heap.retained();
        CachingMappingStore shared = CachingMappingStore.builder(db).maximumSize(CACHE_SIZE).build();
        long t0 = System.nanoTime();
        touchAll(db, i -> shared);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long size = shared.estimatedSize();
        long retained = Heap.retained() - base;
        Reference.reachabilityFence(shared);
        return new Figure(name(), CONNECTIONS + " connections × " + Numbers.count(PER_CONNECTION)
                + " mappings, one shared cache (max " + Numbers.count(CACHE_SIZE) + "): heap per connection",
                Numbers.kib(retained / CONNECTIONS), "KiB", "bounded, independent of mappings per connection",
                "the cache retains " + Numbers.mib(retained) + " MiB in all for " + Numbers.count(size) + " entries; "
                        + Numbers.count((long) CONNECTIONS * PER_CONNECTION) + " lookups in "
                        + Numbers.fixed(seconds, 1) + " s; " + shared.stats());
    }

    private Figure cachePerConnection(GeneratedMappingStore db) {
        long base = Heap.retained();
        List<CachingMappingStore> perConnection = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            perConnection.add(CachingMappingStore.builder(db).maximumSize(CACHE_SIZE).build());
        }
        long t0 = System.nanoTime();
        touchAll(db, perConnection::get);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long entries = perConnection.stream().mapToLong(CachingMappingStore::estimatedSize).sum();
        long retained = Heap.retained() - base;
        Reference.reachabilityFence(perConnection);
        return new Figure(name(), CONNECTIONS + " connections × " + Numbers.count(PER_CONNECTION)
                + " mappings, a cache per connection (max " + Numbers.count(CACHE_SIZE) + " each): heap per connection",
                Numbers.mib(retained / CONNECTIONS), "MiB", "bounded, independent of mappings per connection",
                Numbers.mib(retained) + " MiB in all for " + Numbers.count(entries) + " entries ("
                        + Numbers.count(retained / Math.max(1, entries)) + " bytes per cached mapping); lookups in "
                        + Numbers.fixed(seconds, 1) + " s");
    }

    private Figure unbounded(GeneratedMappingStore db) {
        long base = Heap.retained();
        InMemoryMappingStore store = new InMemoryMappingStore();
        for (int i = 0; i < PER_CONNECTION; i++) {
            store.put(db.find("conn-000", db.kindOf(i), GeneratedMappingStore.sourceIdOf(i)).orElseThrow());
        }
        long retained = Heap.retained() - base;
        Reference.reachabilityFence(store);
        return new Figure(name(), "for comparison: one connection's " + Numbers.count(PER_CONNECTION)
                + " mappings held in InMemoryMappingStore (no database)", Numbers.mib(retained), "MiB", "",
                "× " + CONNECTIONS + " connections ≈ " + Numbers.fixed(retained * (double) CONNECTIONS / (1 << 30), 1)
                        + " GiB: why the mappings belong in the database behind a bounded cache");
    }

    private void touchAll(GeneratedMappingStore db, java.util.function.IntFunction<MappingStore> storeFor) {
        for (int c = 0; c < CONNECTIONS; c++) {
            String connection = String.format("conn-%03d", c);
            MappingStore store = storeFor.apply(c);
            for (int i = 0; i < PER_CONNECTION; i++) {
                if (store.find(connection, db.kindOf(i), GeneratedMappingStore.sourceIdOf(i)).isEmpty()) {
                    throw new IllegalStateException("mapping " + i + " of " + connection + " not found");
                }
            }
        }
    }
}

package io.mlconnector.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.mlconnector.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingMappingStoreTest {
    private static final String CONN = "conn-a";

    /** Counts the lookups that reach the real store. */
    private static final class CountingStore implements MappingStore {
        final InMemoryMappingStore inner = new InMemoryMappingStore();
        final AtomicInteger finds = new AtomicInteger();
        volatile boolean failWrites;

        @Override
        public Optional<Mapping> find(String connectionId, MappingKind kind, String sourceId) {
            finds.incrementAndGet();
            return inner.find(connectionId, kind, sourceId);
        }

        @Override
        public Optional<Mapping> findByTarget(String connectionId, MappingKind kind, String targetId) {
            return inner.findByTarget(connectionId, kind, targetId);
        }

        @Override
        public void put(Mapping mapping) {
            inner.put(mapping);
            if (failWrites) {
                throw new IllegalStateException("database went away after the write");
            }
        }

        @Override
        public boolean remove(String connectionId, MappingKind kind, String sourceId) {
            return inner.remove(connectionId, kind, sourceId);
        }

        @Override
        public List<Mapping> list(String connectionId, MappingKind kind) {
            return inner.list(connectionId, kind);
        }

        @Override
        public void recordUnmapped(UnmappedReference reference) {
            inner.recordUnmapped(reference);
        }

        @Override
        public List<UnmappedReference> unmapped(String connectionId) {
            return inner.unmapped(connectionId);
        }
    }

    private final CountingStore backing = new CountingStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

    private CachingMappingStore.Builder caching() {
        return CachingMappingStore.builder(backing).clock(clock).executor(Runnable::run);
    }

    @Test
    void repeatedHits_areServedFromTheCache() {
        backing.inner.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));
        CachingMappingStore store = caching().build();

        for (int i = 0; i < 5; i++) {
            assertThat(store.find(CONN, MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("9001");
        }

        assertThat(backing.finds.get()).isEqualTo(1);
        CacheStats stats = store.stats();
        assertThat(stats.hitCount()).isEqualTo(4);
        assertThat(stats.missCount()).isEqualTo(1);
    }

    @Test
    void misses_areCachedToo() {
        CachingMappingStore store = caching().build();

        for (int i = 0; i < 5; i++) {
            assertThat(store.find(CONN, MappingKind.VENDOR, "unknown")).isEmpty();
        }

        assertThat(backing.finds.get()).isEqualTo(1);
    }

    @Test
    void keysAreDistinguishedByConnectionKindAndSource() {
        backing.inner.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "v"));
        backing.inner.put(Mapping.confirmed(CONN, MappingKind.PROJECT, "42", "p"));
        backing.inner.put(Mapping.confirmed("conn-b", MappingKind.VENDOR, "42", "w"));
        CachingMappingStore store = caching().build();

        assertThat(store.find(CONN, MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("v");
        assertThat(store.find(CONN, MappingKind.PROJECT, "42").orElseThrow().targetId()).isEqualTo("p");
        assertThat(store.find("conn-b", MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("w");
        assertThat(backing.finds.get()).isEqualTo(3);
    }

    @Test
    void put_replacesACachedMiss() {
        CachingMappingStore store = caching().build();
        assertThat(store.find(CONN, MappingKind.VENDOR, "42")).isEmpty();

        store.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));

        assertThat(store.find(CONN, MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("9001");
        assertThat(backing.finds.get()).isEqualTo(2);
    }

    @Test
    void put_replacesACachedHit() {
        CachingMappingStore store = caching().build();
        store.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));
        store.find(CONN, MappingKind.VENDOR, "42");

        store.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9002"));

        assertThat(store.find(CONN, MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("9002");
    }

    @Test
    void remove_dropsTheCachedHit() {
        CachingMappingStore store = caching().build();
        store.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));
        store.find(CONN, MappingKind.VENDOR, "42");

        assertThat(store.remove(CONN, MappingKind.VENDOR, "42")).isTrue();

        assertThat(store.find(CONN, MappingKind.VENDOR, "42")).isEmpty();
    }

    @Test
    void aWriteThatFailsAfterReachingTheStore_stillInvalidates() {
        CachingMappingStore store = caching().build();
        store.find(CONN, MappingKind.VENDOR, "42");
        backing.failWrites = true;

        assertThatThrownBy(() -> store.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.find(CONN, MappingKind.VENDOR, "42")).isPresent();
    }

    @Test
    void hitsExpire_afterTheConfiguredTime() {
        backing.inner.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));
        CachingMappingStore store = caching().expireAfterWrite(Duration.ofMinutes(5)).build();
        store.find(CONN, MappingKind.VENDOR, "42");
        // changed behind the cache's back (another node)
        backing.inner.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9002"));

        clock.advance(Duration.ofMinutes(4));
        assertThat(store.find(CONN, MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("9001");
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.find(CONN, MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("9002");
        assertThat(backing.finds.get()).isEqualTo(2);
    }

    @Test
    void missesExpireSooner_thanHits() {
        CachingMappingStore store = caching().expireAfterWrite(Duration.ofMinutes(5))
                .negativeExpireAfterWrite(Duration.ofSeconds(30)).build();
        store.find(CONN, MappingKind.VENDOR, "42");
        backing.inner.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));

        clock.advance(Duration.ofSeconds(29));
        assertThat(store.find(CONN, MappingKind.VENDOR, "42")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.find(CONN, MappingKind.VENDOR, "42")).isPresent();
    }

    @Test
    void size_isBounded() {
        CachingMappingStore store = caching().maximumSize(10).build();

        for (int i = 0; i < 100; i++) {
            store.find(CONN, MappingKind.VENDOR, "v" + i);
        }

        assertThat(store.estimatedSize()).isLessThanOrEqualTo(10);
        assertThat(store.stats().evictionCount()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void invalidateAll_forgetsEverything() {
        CachingMappingStore store = caching().build();
        store.find(CONN, MappingKind.VENDOR, "42");
        backing.inner.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));

        store.invalidateAll();

        assertThat(store.find(CONN, MappingKind.VENDOR, "42")).isPresent();
    }

    @Test
    void reverseLookupsAndListings_alwaysReadTheStore() {
        CachingMappingStore store = caching().build();
        backing.inner.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));
        assertThat(store.findByTarget(CONN, MappingKind.VENDOR, "9001")).isPresent();
        backing.inner.remove(CONN, MappingKind.VENDOR, "42");

        assertThat(store.findByTarget(CONN, MappingKind.VENDOR, "9001")).isEmpty();
        assertThat(store.list(CONN, MappingKind.VENDOR)).isEmpty();
    }

    @Test
    void builder_rejectsNonsense() {
        assertThatThrownBy(() -> CachingMappingStore.builder(backing).maximumSize(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CachingMappingStore.builder(backing).expireAfterWrite(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CachingMappingStore.builder(null)).isInstanceOf(NullPointerException.class);
    }
}

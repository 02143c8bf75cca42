package io.mlconnector.core.mapping;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A {@link MappingStore} decorator that caches {@link #find} lookups in a bounded Caffeine cache — found mappings
 * and misses alike, since a missing mapping is looked up for every record that needs it until someone adds it.
 * {@link #put} and {@link #remove} go through to the delegate and then drop the cached entry, so this instance never
 * serves its own stale writes. Writes made elsewhere (another node, the database directly) are seen once the entry
 * expires; misses may be given a shorter lifetime than hits for that reason. Reverse lookups, listings and unmapped
 * references are not cached. Thread-safe.
 */
public final class CachingMappingStore implements MappingStore {
    private record Key(String connectionId, MappingKind kind, String sourceId) {
    }

    private final MappingStore delegate;
    private final Cache<Key, Optional<Mapping>> cache;

    private CachingMappingStore(Builder b) {
        this.delegate = Objects.requireNonNull(b.delegate, "delegate");
        long hitNanos = b.expireAfterWrite.toNanos();
        long missNanos = b.negativeExpireAfterWrite.toNanos();
        Caffeine<Object, Object> caffeine = Caffeine.newBuilder()
                .maximumSize(b.maximumSize)
                .ticker(b.ticker)
                .recordStats();
        if (b.executor != null) {
            caffeine.executor(b.executor);
        }
        this.cache = caffeine.expireAfter(new Expiry<Key, Optional<Mapping>>() {
            @Override
            public long expireAfterCreate(Key key, Optional<Mapping> value, long currentTime) {
                return value.isPresent() ? hitNanos : missNanos;
            }

            @Override
            public long expireAfterUpdate(Key key, Optional<Mapping> value, long currentTime, long currentDuration) {
                return expireAfterCreate(key, value, currentTime);
            }

            @Override
            public long expireAfterRead(Key key, Optional<Mapping> value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    /**
     * A builder over {@code delegate}.
     *
     * @param delegate the delegate store
     * @return a new builder
     */
    public static Builder builder(MappingStore delegate) {
        return new Builder(delegate);
    }

    @Override
    public Optional<Mapping> find(String connectionId, MappingKind kind, String sourceId) {
        Key key = new Key(connectionId, kind, sourceId);
        return cache.get(key, k -> delegate.find(k.connectionId(), k.kind(), k.sourceId()));
    }

    @Override
    public Optional<Mapping> findByTarget(String connectionId, MappingKind kind, String targetId) {
        return delegate.findByTarget(connectionId, kind, targetId);
    }

    @Override
    public void put(Mapping mapping) {
        try {
            delegate.put(mapping);
        } finally {
            // also after a failed write: the delegate's state is unknown
            cache.invalidate(new Key(mapping.connectionId(), mapping.kind(), mapping.sourceId()));
        }
    }

    @Override
    public boolean remove(String connectionId, MappingKind kind, String sourceId) {
        try {
            return delegate.remove(connectionId, kind, sourceId);
        } finally {
            cache.invalidate(new Key(connectionId, kind, sourceId));
        }
    }

    @Override
    public List<Mapping> list(String connectionId, MappingKind kind) {
        return delegate.list(connectionId, kind);
    }

    @Override
    public void recordUnmapped(UnmappedReference reference) {
        delegate.recordUnmapped(reference);
    }

    @Override
    public List<UnmappedReference> unmapped(String connectionId) {
        return delegate.unmapped(connectionId);
    }

    /** Drops every cached lookup (e.g. after mappings were changed outside this instance). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /**
     * Hit, miss, load and eviction counts since this store was built.
     *
     * @return hit, miss, load and eviction counts since this store was built
     */
    public CacheStats stats() {
        return cache.stats();
    }

    /**
     * Approximate number of cached lookups.
     *
     * @return approximate number of cached lookups
     */
    public long estimatedSize() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Builder for {@link CachingMappingStore}. */
    public static final class Builder {
        private final MappingStore delegate;
        private long maximumSize = 10_000;
        private Duration expireAfterWrite = Duration.ofMinutes(5);
        private Duration negativeExpireAfterWrite = Duration.ofSeconds(30);
        private Ticker ticker = Ticker.systemTicker();
        private Executor executor;

        private Builder(MappingStore delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /**
         * Most lookups kept (default 10,000); the least valuable are evicted beyond it.
         *
         * @param value most lookups kept
         * @return this builder
         */
        public Builder maximumSize(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("maximumSize must not be negative");
            }
            this.maximumSize = value;
            return this;
        }

        /**
         * How long a found mapping is served from the cache (default 5 minutes).
         *
         * @param value how long a found mapping is served from the cache
         * @return this builder
         */
        public Builder expireAfterWrite(Duration value) {
            this.expireAfterWrite = positive(value, "expireAfterWrite");
            return this;
        }

        /**
         * How long a miss is served from the cache (default 30 seconds).
         *
         * @param value how long a miss is served from the cache
         * @return this builder
         */
        public Builder negativeExpireAfterWrite(Duration value) {
            this.negativeExpireAfterWrite = positive(value, "negativeExpireAfterWrite");
            return this;
        }

        /**
         * The time source for expiry, in nanoseconds (default the system ticker).
         *
         * @param value the time source for expiry, in nanoseconds
         * @return this builder
         */
        public Builder ticker(Ticker value) {
            this.ticker = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Uses a {@link Clock} as the time source for expiry.
         *
         * @param clock a {@link Clock} as the time source for expiry
         * @return this builder
         */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock);
            return ticker(() -> {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            });
        }

        /**
         * Where Caffeine runs its maintenance (default its own choice); {@code Runnable::run} for tests.
         *
         * @param value where Caffeine runs its maintenance
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Builds the {@code CachingMappingStore} from the settings given so far.
         *
         * @return the new {@code CachingMappingStore}
         */
        public CachingMappingStore build() {
            return new CachingMappingStore(this);
        }

        private static Duration positive(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}

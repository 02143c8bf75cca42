package io.mlconnector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.mapping.UnmappedReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MappingStore} must show. Extend it, implement {@link #newStore()} to return a fresh,
 * empty store, and run it with JUnit 5. Instants are whole seconds so stores with microsecond columns pass.
 *
 * <p>To check your own implementation, add connector-testkit as a test dependency, extend this class in your test
 * sources and return a fresh instance from {@link #newStore()}; JUnit 5 runs every inherited test against it:
 * <pre>
 * class MyMappingStoreTest extends MappingStoreContract {
 *     &#64;Override
 *     protected MappingStore newStore() {
 *         return new MyMappingStore(...);   // yours: fresh and empty for every test
 *     }
 * }
 * </pre>
 * A failing test names the rule your implementation breaks; the tests are independent of each other and of their
 * order. A slow store (one that goes over the network) may override
 * {@link #raceKeys()} to race on fewer keys.
 */
public abstract class MappingStoreContract {
    /** The connection most tests write to. */
    protected static final String CONN = "conn-a";
    /** A second connection, to check that connections do not see each other's mappings. */
    protected static final String OTHER_CONN = "conn-b";
    /** The instant the tests' mappings are stamped with (whole seconds). */
    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    /** For subclasses: the suite holds no state until a test creates the store. */
    protected MappingStoreContract() {
    }

    /** The store under test. */
    protected MappingStore store;

    /**
     * Creates the store under test; called before every test.
     *
     * @return a fresh, empty store that no other test uses
     * @throws Exception when the store cannot be created (the test then fails)
     */
    protected abstract MappingStore newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    private static Mapping mapping(String conn, MappingKind kind, String source, String target) {
        return new Mapping(conn, kind, source, target, Map.of(), MappingStatus.CONFIRMED, null, T0);
    }

    @Test
    void find_absent_isEmpty() {
        assertThat(store.find(CONN, MappingKind.VENDOR, "42")).isEmpty();
        assertThat(store.findByTarget(CONN, MappingKind.VENDOR, "9001")).isEmpty();
        assertThat(store.list(CONN, MappingKind.VENDOR)).isEmpty();
        assertThat(store.unmapped(CONN)).isEmpty();
    }

    @Test
    void put_thenFind_returnsEveryField() {
        Mapping m = new Mapping(CONN, MappingKind.GL_ACCOUNT, "cat-17", "01-100",
                Map.of("costType", "M", "note", "steel"), MappingStatus.SUGGESTED, "Materials → 01-100", T0);
        store.put(m);

        Mapping found = store.find(CONN, MappingKind.GL_ACCOUNT, "cat-17").orElseThrow();
        assertThat(found.connectionId()).isEqualTo(CONN);
        assertThat(found.kind()).isEqualTo(MappingKind.GL_ACCOUNT);
        assertThat(found.sourceId()).isEqualTo("cat-17");
        assertThat(found.targetId()).isEqualTo("01-100");
        assertThat(found.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("costType", "M", "note", "steel"));
        assertThat(found.status()).isEqualTo(MappingStatus.SUGGESTED);
        assertThat(found.label()).isEqualTo("Materials → 01-100");
        assertThat(found.updatedAt()).isEqualTo(T0);
    }

    @Test
    void put_nullLabelAndTime_roundTrip() {
        store.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));

        Mapping found = store.find(CONN, MappingKind.VENDOR, "42").orElseThrow();
        assertThat(found.label()).isNull();
        assertThat(found.attributes()).isEmpty();
        assertThat(found.isConfirmed()).isTrue();
    }

    @Test
    void put_sameSource_replacesTheMapping() {
        store.put(mapping(CONN, MappingKind.VENDOR, "42", "9001"));
        store.put(new Mapping(CONN, MappingKind.VENDOR, "42", "9002", Map.of("k", "v"), MappingStatus.CONFIRMED,
                "moved", T0.plusSeconds(60)));

        Mapping found = store.find(CONN, MappingKind.VENDOR, "42").orElseThrow();
        assertThat(found.targetId()).isEqualTo("9002");
        assertThat(found.attributes()).containsExactlyEntriesOf(Map.of("k", "v"));
        assertThat(found.label()).isEqualTo("moved");
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(store.list(CONN, MappingKind.VENDOR)).hasSize(1);
        assertThat(store.findByTarget(CONN, MappingKind.VENDOR, "9001")).isEmpty();
    }

    @Test
    void replacingAttributes_dropsOldOnes() {
        store.put(new Mapping(CONN, MappingKind.GL_ACCOUNT, "c1", "01-100", Map.of("costType", "M"),
                MappingStatus.CONFIRMED, null, T0));
        store.put(new Mapping(CONN, MappingKind.GL_ACCOUNT, "c1", "01-100", Map.of(), MappingStatus.CONFIRMED, null, T0));

        assertThat(store.find(CONN, MappingKind.GL_ACCOUNT, "c1").orElseThrow().attributes()).isEmpty();
    }

    @Test
    void mappings_areIsolatedByConnectionAndKind() {
        store.put(mapping(CONN, MappingKind.VENDOR, "42", "v-conn-a"));
        store.put(mapping(OTHER_CONN, MappingKind.VENDOR, "42", "v-conn-b"));
        store.put(mapping(CONN, MappingKind.PROJECT, "42", "p-conn-a"));

        assertThat(store.find(CONN, MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("v-conn-a");
        assertThat(store.find(OTHER_CONN, MappingKind.VENDOR, "42").orElseThrow().targetId()).isEqualTo("v-conn-b");
        assertThat(store.find(CONN, MappingKind.PROJECT, "42").orElseThrow().targetId()).isEqualTo("p-conn-a");
        assertThat(store.find(OTHER_CONN, MappingKind.PROJECT, "42")).isEmpty();
        assertThat(store.findByTarget(OTHER_CONN, MappingKind.VENDOR, "v-conn-a")).isEmpty();
        assertThat(store.findByTarget(CONN, MappingKind.PROJECT, "v-conn-a")).isEmpty();
    }

    @Test
    void findByTarget_findsTheReverseMapping() {
        store.put(mapping(CONN, MappingKind.PROJECT, "fb-7", "316469"));
        store.put(mapping(CONN, MappingKind.PROJECT, "fb-8", "316470"));

        assertThat(store.findByTarget(CONN, MappingKind.PROJECT, "316469").orElseThrow().sourceId()).isEqualTo("fb-7");
        assertThat(store.findByTarget(CONN, MappingKind.PROJECT, "316470").orElseThrow().sourceId()).isEqualTo("fb-8");
    }

    @Test
    void findByTarget_severalSources_returnsTheLowestSourceId() {
        store.put(mapping(CONN, MappingKind.GL_ACCOUNT, "cat-3", "01-100"));
        store.put(mapping(CONN, MappingKind.GL_ACCOUNT, "cat-1", "01-100"));
        store.put(mapping(CONN, MappingKind.GL_ACCOUNT, "cat-2", "01-100"));

        assertThat(store.findByTarget(CONN, MappingKind.GL_ACCOUNT, "01-100").orElseThrow().sourceId())
                .isEqualTo("cat-1");
    }

    @Test
    void remove_reportsWhetherSomethingWasRemoved() {
        store.put(mapping(CONN, MappingKind.VENDOR, "42", "9001"));

        assertThat(store.remove(CONN, MappingKind.VENDOR, "42")).isTrue();
        assertThat(store.find(CONN, MappingKind.VENDOR, "42")).isEmpty();
        assertThat(store.findByTarget(CONN, MappingKind.VENDOR, "9001")).isEmpty();
        assertThat(store.remove(CONN, MappingKind.VENDOR, "42")).isFalse();
    }

    @Test
    void remove_touchesOnlyTheNamedMapping() {
        store.put(mapping(CONN, MappingKind.VENDOR, "42", "9001"));
        store.put(mapping(OTHER_CONN, MappingKind.VENDOR, "42", "9001"));
        store.put(mapping(CONN, MappingKind.VENDOR_PROJECT, "42", "316469"));

        assertThat(store.remove(CONN, MappingKind.VENDOR, "42")).isTrue();

        assertThat(store.find(OTHER_CONN, MappingKind.VENDOR, "42")).isPresent();
        assertThat(store.find(CONN, MappingKind.VENDOR_PROJECT, "42")).isPresent();
    }

    @Test
    void list_returnsOneKindOfOneConnection_sortedBySourceId() {
        store.put(mapping(CONN, MappingKind.VENDOR, "b", "2"));
        store.put(mapping(CONN, MappingKind.VENDOR, "c", "3"));
        store.put(mapping(CONN, MappingKind.VENDOR, "a", "1"));
        store.put(mapping(CONN, MappingKind.PROJECT, "a", "p"));
        store.put(mapping(OTHER_CONN, MappingKind.VENDOR, "z", "9"));

        List<Mapping> list = store.list(CONN, MappingKind.VENDOR);
        assertThat(list).extracting(Mapping::sourceId).containsExactly("a", "b", "c");
        assertThat(list).extracting(Mapping::targetId).containsExactly("1", "2", "3");
    }

    @Test
    void recordUnmapped_isListed_andLatestSightingWins() {
        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.VENDOR, "42", "Acme", T0));
        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.VENDOR, "42", "Acme Steel", T0.plusSeconds(60)));

        List<UnmappedReference> unmapped = store.unmapped(CONN);
        assertThat(unmapped).hasSize(1);
        UnmappedReference u = unmapped.get(0);
        assertThat(u.connectionId()).isEqualTo(CONN);
        assertThat(u.kind()).isEqualTo(MappingKind.VENDOR);
        assertThat(u.sourceId()).isEqualTo("42");
        assertThat(u.label()).isEqualTo("Acme Steel");
        assertThat(u.lastSeen()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void unmapped_isPerConnection_sortedByKindThenSourceId() {
        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.VENDOR, "b", null, T0));
        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.GL_ACCOUNT, "z", null, T0));
        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.VENDOR, "a", null, T0));
        store.recordUnmapped(new UnmappedReference(OTHER_CONN, MappingKind.VENDOR, "c", null, T0));

        assertThat(store.unmapped(CONN)).extracting(u -> u.kind() + ":" + u.sourceId())
                .containsExactly("GL_ACCOUNT:z", "VENDOR:a", "VENDOR:b");
        assertThat(store.unmapped(OTHER_CONN)).extracting(UnmappedReference::sourceId).containsExactly("c");
    }

    @Test
    void puttingAConfirmedMapping_clearsTheUnmappedReference() {
        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.VENDOR, "42", "Acme", T0));
        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.PROJECT, "42", "Tower", T0));

        store.put(mapping(CONN, MappingKind.VENDOR, "42", "9001"));

        assertThat(store.unmapped(CONN)).extracting(UnmappedReference::kind).containsExactly(MappingKind.PROJECT);
    }

    @Test
    void aSuggestedMapping_leavesTheReferenceUnmapped() {
        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.VENDOR, "42", "Acme", T0));

        store.put(new Mapping(CONN, MappingKind.VENDOR, "42", "9001", Map.of(), MappingStatus.SUGGESTED, null, T0));

        assertThat(store.unmapped(CONN)).extracting(UnmappedReference::sourceId).containsExactly("42");
    }

    @Test
    void recordUnmapped_isIgnoredWhenAConfirmedMappingExists() {
        store.put(mapping(CONN, MappingKind.VENDOR, "42", "9001"));

        store.recordUnmapped(new UnmappedReference(CONN, MappingKind.VENDOR, "42", "Acme", T0));

        assertThat(store.unmapped(CONN)).isEmpty();
    }

    @Test
    void concurrentPuts_ofDifferentMappings_areAllKept() {
        int threads = 8;
        int perThread = 25;
        Race.run(threads, t -> () -> {
            for (int i = 0; i < perThread; i++) {
                store.put(mapping(CONN, MappingKind.VENDOR, String.format("t%02d-%03d", t, i), "target-" + t + "-" + i));
            }
            return null;
        });

        assertThat(store.list(CONN, MappingKind.VENDOR)).hasSize(threads * perThread);
        assertThat(store.find(CONN, MappingKind.VENDOR, "t07-024").orElseThrow().targetId()).isEqualTo("target-7-24");
    }

    @Test
    void concurrentPuts_ofTheSameSource_leaveOneConsistentMapping() {
        int threads = 8;
        Race.run(threads, t -> () -> {
            store.put(new Mapping(CONN, MappingKind.VENDOR, "42", "target-" + t, Map.of("writer", "" + t),
                    MappingStatus.CONFIRMED, null, T0));
            return null;
        });

        assertThat(store.list(CONN, MappingKind.VENDOR)).hasSize(1);
        Mapping m = store.find(CONN, MappingKind.VENDOR, "42").orElseThrow();
        // the target and its attributes come from the same writer
        assertThat(m.targetId()).isEqualTo("target-" + m.attribute("writer"));
    }

    /**
     * How many keys the race between a confirmed {@code put} and {@code recordUnmapped} of the same reference runs
     * on; more keys make a missing atomicity more likely to show.
     *
     * @return the number of keys, 20,000 unless overridden
     */
    protected int raceKeys() {
        return 20_000;
    }

    @Test
    void aConfirmedPut_racingRecordUnmapped_neverLeavesAStaleUnmappedEntry() {
        int keys = raceKeys();
        // one thread sights each vendor as unmapped while the other confirms its mapping, key by key in step
        Race.run(2, t -> () -> {
            for (int i = 0; i < keys; i++) {
                String source = "v" + i;
                if (t == 0) {
                    store.recordUnmapped(new UnmappedReference(CONN, MappingKind.VENDOR, source, "Vendor " + i, T0));
                } else {
                    store.put(mapping(CONN, MappingKind.VENDOR, source, "pc-" + i));
                }
            }
            return null;
        });

        // whichever came first, a confirmed mapping means the vendor is not waiting for one
        assertThat(store.unmapped(CONN)).extracting(UnmappedReference::sourceId).isEmpty();
        assertThat(store.list(CONN, MappingKind.VENDOR)).hasSize(keys);
    }
}

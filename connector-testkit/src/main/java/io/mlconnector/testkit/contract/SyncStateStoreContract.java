package io.mlconnector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.state.Cursor;
import io.mlconnector.core.state.EnqueueResult;
import io.mlconnector.core.state.LeaseLostException;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.StoredReconciliation;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SyncStateStore} must show: the ledger, the cursors, the work queue (dedupe while
 * pending, claim with leases, retry, park, dead letter, requeue) and named leases — including what happens when
 * several workers collide. Extend it and implement {@link #newStore()} to return a fresh, empty store. The store
 * takes every instant from its caller, so no clock is involved; instants are whole seconds.
 *
 * <p>To check your own implementation, add connector-testkit as a test dependency, extend this class in your test
 * sources and return a fresh instance from {@link #newStore()}; JUnit 5 runs every inherited test against it:
 * <pre>
 * class MySyncStateStoreTest extends SyncStateStoreContract {
 *     &#64;Override
 *     protected SyncStateStore newStore() {
 *         return new MySyncStateStore(...);   // yours: fresh and empty for every test
 *     }
 * }
 * </pre>
 * A failing test names the rule your implementation breaks; the tests are independent of each other and of their
 * order. The tests are grouped in {@code @Nested} classes (ledger,
 * cursors, enqueue, enqueue of a list, claim, leases, reconciliation reports), which JUnit runs as part of your subclass.
 */
public abstract class SyncStateStoreContract {
    /** The connection most tests work for. */
    protected static final String CONN = "conn-a";
    /** A second connection, to check that connections do not see each other's state. */
    protected static final String OTHER_CONN = "conn-b";
    /** The instant the tests' clock starts at (whole seconds); every instant is passed to the store explicitly. */
    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    /** The lease the tests claim work items with. */
    protected static final Duration LEASE = Duration.ofSeconds(30);

    /** For subclasses: the suite holds no state until a test creates the store. */
    protected SyncStateStoreContract() {
    }

    /** The store under test. */
    protected SyncStateStore store;

    /**
     * Creates the store under test; called before every test.
     *
     * @return a fresh, empty store that no other test uses
     * @throws Exception when the store cannot be created (the test then fails)
     */
    protected abstract SyncStateStore newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static LedgerEntry entry(String conn, String sourceKey, String targetId, LedgerState state) {
        return new LedgerEntry(conn, sourceKey, "2025-03-01T09:00:00Z", "REQUISITION", targetId, state,
                "fp-" + targetId, Map.of("project", "316469"), T0);
    }

    private static WorkItem item(String id, String dedupeKey, Instant createdAt) {
        return WorkItem.ready(id, CONN, dedupeKey, "freshbooks.bill", "{\"id\":\"" + id + "\"}", createdAt);
    }

    private WorkItem claimOne(String owner, Instant now) {
        List<WorkItem> claimed = store.claim(owner, 1, LEASE, now);
        assertThat(claimed).as("claimed by " + owner + " at " + now).hasSize(1);
        return claimed.get(0);
    }

    private WorkStatus status(String id) {
        return store.item(id).orElseThrow().status();
    }

    /** The ledger: source record → target object. */
    @Nested
    class Ledger {
        @Test
        void absent_isEmpty() {
            assertThat(store.ledger(CONN, "freshbooks:bill:1")).isEmpty();
            assertThat(store.ledgerEntries(CONN)).isEmpty();
        }

        @Test
        void insertIfAbsent_insertsOnce_andKeepsTheFirst() {
            assertThat(store.ledgerInsertIfAbsent(entry(CONN, "freshbooks:bill:1", "first", LedgerState.PENDING))).isTrue();
            assertThat(store.ledgerInsertIfAbsent(entry(CONN, "freshbooks:bill:1", "second", LedgerState.POSTED))).isFalse();

            LedgerEntry e = store.ledger(CONN, "freshbooks:bill:1").orElseThrow();
            assertThat(e.targetId()).isEqualTo("first");
            assertThat(e.state()).isEqualTo(LedgerState.PENDING);
        }

        @Test
        void entry_roundTripsEveryField() {
            LedgerEntry in = new LedgerEntry(CONN, "freshbooks:bill:1", "2025-03-01T09:00:00Z", "DIRECT_COST", "555",
                    LedgerState.POSTED, "sha256:abc", Map.of("project", "316469", "amount", "100.00"), at(5));
            store.ledgerPut(in);

            LedgerEntry e = store.ledger(CONN, "freshbooks:bill:1").orElseThrow();
            assertThat(e.connectionId()).isEqualTo(CONN);
            assertThat(e.sourceKey()).isEqualTo("freshbooks:bill:1");
            assertThat(e.sourceVersion()).isEqualTo("2025-03-01T09:00:00Z");
            assertThat(e.targetKind()).isEqualTo("DIRECT_COST");
            assertThat(e.targetId()).isEqualTo("555");
            assertThat(e.state()).isEqualTo(LedgerState.POSTED);
            assertThat(e.fingerprint()).isEqualTo("sha256:abc");
            assertThat(e.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("project", "316469", "amount", "100.00"));
            assertThat(e.updatedAt()).isEqualTo(at(5));
        }

        @Test
        void pendingEntry_withoutTarget_roundTrips() {
            store.ledgerPut(new LedgerEntry(CONN, "freshbooks:bill:1", null, null, null, LedgerState.PENDING, null,
                    Map.of(), T0));

            LedgerEntry e = store.ledger(CONN, "freshbooks:bill:1").orElseThrow();
            assertThat(e.targetKind()).isNull();
            assertThat(e.targetId()).isNull();
            assertThat(e.sourceVersion()).isNull();
            assertThat(e.fingerprint()).isNull();
            assertThat(e.attributes()).isEmpty();
        }

        @Test
        void put_replacesTheEntry() {
            store.ledgerInsertIfAbsent(entry(CONN, "freshbooks:bill:1", "t1", LedgerState.PENDING));
            store.ledgerPut(new LedgerEntry(CONN, "freshbooks:bill:1", "v2", "REQUISITION", "t1",
                    LedgerState.POSTED, "fp2", Map.of(), at(9)));

            LedgerEntry e = store.ledger(CONN, "freshbooks:bill:1").orElseThrow();
            assertThat(e.state()).isEqualTo(LedgerState.POSTED);
            assertThat(e.sourceVersion()).isEqualTo("v2");
            assertThat(e.attributes()).isEmpty();
            assertThat(e.updatedAt()).isEqualTo(at(9));
            assertThat(store.ledgerEntries(CONN)).hasSize(1);
        }

        @Test
        void entries_arePerConnection_sortedBySourceKey() {
            store.ledgerPut(entry(CONN, "freshbooks:bill:2", "b", LedgerState.POSTED));
            store.ledgerPut(entry(CONN, "freshbooks:bill:1", "a", LedgerState.POSTED));
            store.ledgerPut(entry(CONN, "freshbooks:bill:3", "c", LedgerState.FLAGGED));
            store.ledgerPut(entry(OTHER_CONN, "freshbooks:bill:1", "z", LedgerState.POSTED));

            assertThat(store.ledgerEntries(CONN)).extracting(LedgerEntry::sourceKey)
                    .containsExactly("freshbooks:bill:1", "freshbooks:bill:2", "freshbooks:bill:3");
            assertThat(store.ledger(OTHER_CONN, "freshbooks:bill:1").orElseThrow().targetId()).isEqualTo("z");
            assertThat(store.ledger(CONN, "freshbooks:bill:1").orElseThrow().targetId()).isEqualTo("a");
        }

        @Test
        void insertIfAbsent_isPerConnection() {
            assertThat(store.ledgerInsertIfAbsent(entry(CONN, "freshbooks:bill:1", "a", LedgerState.PENDING))).isTrue();
            assertThat(store.ledgerInsertIfAbsent(entry(OTHER_CONN, "freshbooks:bill:1", "b", LedgerState.PENDING))).isTrue();
        }

        @Test
        void concurrentInsertIfAbsent_exactlyOneWins() {
            int threads = 16;
            List<Boolean> inserted = Race.run(threads, t -> () ->
                    store.ledgerInsertIfAbsent(entry(CONN, "freshbooks:bill:1", "writer-" + t, LedgerState.PENDING)));

            assertThat(inserted.stream().filter(b -> b).count()).isEqualTo(1);
            assertThat(store.ledger(CONN, "freshbooks:bill:1").orElseThrow().targetId())
                    .isEqualTo("writer-" + inserted.indexOf(true));
        }
    }

    /** Polling cursors per connection and stream. */
    @Nested
    class Cursors {
        @Test
        void absent_isEmpty() {
            assertThat(store.cursor(CONN, "freshbooks.BILLS")).isEmpty();
        }

        @Test
        void save_thenLoad_andOverwrite() {
            store.saveCursor(new Cursor(CONN, "freshbooks.BILLS", at(0), at(1)));
            store.saveCursor(new Cursor(CONN, "freshbooks.BILLS", at(60), at(61)));

            Cursor c = store.cursor(CONN, "freshbooks.BILLS").orElseThrow();
            assertThat(c.connectionId()).isEqualTo(CONN);
            assertThat(c.stream()).isEqualTo("freshbooks.BILLS");
            assertThat(c.position()).isEqualTo(at(60));
            assertThat(c.updatedAt()).isEqualTo(at(61));
        }

        @Test
        void cursors_areIsolatedByConnectionAndStream() {
            store.saveCursor(new Cursor(CONN, "freshbooks.BILLS", at(1), at(1)));
            store.saveCursor(new Cursor(CONN, "procore.CHANGE_ORDERS:316469", at(2), at(2)));
            store.saveCursor(new Cursor(OTHER_CONN, "freshbooks.BILLS", at(3), at(3)));

            assertThat(store.cursor(CONN, "freshbooks.BILLS").orElseThrow().position()).isEqualTo(at(1));
            assertThat(store.cursor(CONN, "procore.CHANGE_ORDERS:316469").orElseThrow().position()).isEqualTo(at(2));
            assertThat(store.cursor(OTHER_CONN, "freshbooks.BILLS").orElseThrow().position()).isEqualTo(at(3));
            assertThat(store.cursor(OTHER_CONN, "procore.CHANGE_ORDERS:316469")).isEmpty();
        }
    }

    /** Enqueueing with a dedupe key. */
    @Nested
    class Enqueue {
        @Test
        void newItem_isReady_withEveryField() {
            assertThat(store.enqueue(item("w1", "freshbooks:bill:1:create", T0))).isTrue();

            WorkItem w = store.item("w1").orElseThrow();
            assertThat(w.id()).isEqualTo("w1");
            assertThat(w.connectionId()).isEqualTo(CONN);
            assertThat(w.dedupeKey()).isEqualTo("freshbooks:bill:1:create");
            assertThat(w.type()).isEqualTo("freshbooks.bill");
            assertThat(w.payload()).isEqualTo("{\"id\":\"w1\"}");
            assertThat(w.status()).isEqualTo(WorkStatus.READY);
            assertThat(w.attempts()).isZero();
            assertThat(w.availableAt()).isEqualTo(T0);
            assertThat(w.leaseOwner()).isNull();
            assertThat(w.leaseUntil()).isNull();
            assertThat(w.lastError()).isNull();
            assertThat(w.createdAt()).isEqualTo(T0);
        }

        @Test
        void unknownItem_isEmpty() {
            assertThat(store.item("nope")).isEmpty();
        }

        @Test
        void sameId_twice_isRejected() {
            assertThat(store.enqueue(item("w1", "k1", T0))).isTrue();
            assertThat(store.enqueue(item("w1", "k2", T0))).isFalse();
            assertThat(store.item("w1").orElseThrow().dedupeKey()).isEqualTo("k1");
        }

        @Test
        void duplicateKey_whileReady_isDropped() {
            assertThat(store.enqueue(item("w1", "k", T0))).isTrue();
            assertThat(store.enqueue(item("w2", "k", at(1)))).isFalse();
            assertThat(store.item("w2")).isEmpty();
            assertThat(store.count(WorkStatus.READY)).isEqualTo(1);
        }

        @Test
        void duplicateKey_whileLeased_isDropped() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            assertThat(store.enqueue(item("w2", "k", at(1)))).isFalse();
        }

        @Test
        void duplicateKey_whileParked_isDropped() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);
            store.park("w1", "worker-1", "vendor 42 is not mapped");

            assertThat(store.enqueue(item("w2", "k", at(1)))).isFalse();
        }

        @Test
        void duplicateKey_afterDone_isAccepted() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);
            store.complete("w1", "worker-1");

            assertThat(store.enqueue(item("w2", "k", at(1)))).isTrue();
            assertThat(status("w2")).isEqualTo(WorkStatus.READY);
            assertThat(status("w1")).isEqualTo(WorkStatus.DONE);
        }

        @Test
        void duplicateKey_afterDeadLetter_isAccepted() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);
            store.deadLetter("w1", "worker-1", "HTTP 422");

            assertThat(store.enqueue(item("w2", "k", at(1)))).isTrue();
        }

        @Test
        void dedupeKey_isPerConnection() {
            assertThat(store.enqueue(item("w1", "k", T0))).isTrue();
            assertThat(store.enqueue(WorkItem.ready("w2", OTHER_CONN, "k", "freshbooks.bill", "", T0))).isTrue();
        }

        @Test
        void concurrentEnqueues_ofOneKey_acceptExactlyOne() {
            int threads = 16;
            List<Boolean> added = Race.run(threads, t -> () -> store.enqueue(item("w" + t, "same-key", T0)));

            assertThat(added.stream().filter(b -> b).count()).isEqualTo(1);
            assertThat(store.items(CONN, WorkStatus.READY)).extracting(WorkItem::id)
                    .containsExactly("w" + added.indexOf(true));
        }
    }

    /**
     * Enqueueing several items at once ({@link SyncStateStore#enqueueAll}, the intake's group commit): the rule of a
     * single enqueue for each item, results in list order, a duplicate never aborting the rest of the list.
     */
    @Nested
    class EnqueueAll {
        @Test
        void everyItem_isAdded_inListOrder_withEveryField() {
            List<EnqueueResult> results = store.enqueueAll(List.of(item("w1", "k1", T0), item("w2", "k2", at(1)),
                    item("w3", "k3", at(2))));

            assertThat(results).containsExactly(EnqueueResult.ADDED, EnqueueResult.ADDED, EnqueueResult.ADDED);
            WorkItem w = store.item("w2").orElseThrow();
            assertThat(w.connectionId()).isEqualTo(CONN);
            assertThat(w.dedupeKey()).isEqualTo("k2");
            assertThat(w.type()).isEqualTo("freshbooks.bill");
            assertThat(w.payload()).isEqualTo("{\"id\":\"w2\"}");
            assertThat(w.status()).isEqualTo(WorkStatus.READY);
            assertThat(w.attempts()).isZero();
            assertThat(w.availableAt()).isEqualTo(at(1));
            assertThat(w.createdAt()).isEqualTo(at(1));
            assertThat(store.claim("worker-1", 10, LEASE, at(5))).extracting(WorkItem::id)
                    .containsExactly("w1", "w2", "w3");
        }

        @Test
        void emptyList_answersNothing() {
            assertThat(store.enqueueAll(List.of())).isEmpty();
            assertThat(store.count(WorkStatus.READY)).isZero();
        }

        @Test
        void duplicateOfAPendingItem_isDropped_andTheRestOfTheListIsAdded() {
            store.enqueue(item("w0", "taken", T0));

            List<EnqueueResult> results = store.enqueueAll(List.of(item("w1", "free-1", at(1)),
                    item("w2", "taken", at(1)), item("w3", "free-2", at(1))));

            assertThat(results).containsExactly(EnqueueResult.ADDED, EnqueueResult.DUPLICATE, EnqueueResult.ADDED);
            assertThat(store.item("w1")).isPresent();
            assertThat(store.item("w2")).isEmpty();
            assertThat(store.item("w3")).isPresent();
            assertThat(store.count(WorkStatus.READY)).isEqualTo(3);
        }

        @Test
        void duplicateOfALeasedItem_isDropped() {
            store.enqueue(item("w0", "taken", T0));
            claimOne("worker-1", T0);

            assertThat(store.enqueueAll(List.of(item("w1", "taken", at(1)), item("w2", "free", at(1)))))
                    .containsExactly(EnqueueResult.DUPLICATE, EnqueueResult.ADDED);
        }

        @Test
        void sameKeyTwiceInOneList_keepsTheFirst() {
            List<EnqueueResult> results = store.enqueueAll(List.of(item("w1", "k", T0), item("w2", "k", at(1))));

            assertThat(results).containsExactly(EnqueueResult.ADDED, EnqueueResult.DUPLICATE);
            assertThat(store.item("w1")).isPresent();
            assertThat(store.item("w2")).isEmpty();
        }

        @Test
        void sameKeyOnTwoConnections_isTwoItems() {
            List<EnqueueResult> results = store.enqueueAll(List.of(item("w1", "k", T0),
                    WorkItem.ready("w2", OTHER_CONN, "k", "freshbooks.bill", "{}", T0)));

            assertThat(results).containsExactly(EnqueueResult.ADDED, EnqueueResult.ADDED);
        }

        @Test
        void existingId_isDropped() {
            store.enqueue(item("w1", "k1", T0));

            assertThat(store.enqueueAll(List.of(item("w1", "k2", at(1)), item("w2", "k3", at(1)))))
                    .containsExactly(EnqueueResult.DUPLICATE, EnqueueResult.ADDED);
            assertThat(store.item("w1").orElseThrow().dedupeKey()).isEqualTo("k1");
        }

        @Test
        void keyOfAFinishedItem_isAccepted() {
            store.enqueue(item("w1", "k", T0));
            store.complete(claimOne("worker-1", T0).id(), "worker-1");

            assertThat(store.enqueueAll(List.of(item("w2", "k", at(1))))).containsExactly(EnqueueResult.ADDED);
        }

        @Test
        void aLargeList_isAddedWhole() {
            List<WorkItem> many = new ArrayList<>();
            for (int i = 0; i < 1_203; i++) {
                many.add(item("w" + i, "k" + (i % 1_201), T0)); // the last two repeat the first two keys
            }

            List<EnqueueResult> results = store.enqueueAll(many);

            assertThat(results).hasSize(1_203);
            assertThat(results.subList(0, 1_201)).containsOnly(EnqueueResult.ADDED);
            assertThat(results.subList(1_201, 1_203)).containsOnly(EnqueueResult.DUPLICATE);
            assertThat(store.count(WorkStatus.READY)).isEqualTo(1_201);
        }

        @Test
        void concurrentLists_withTheSameKeys_addEachKeyOnce() {
            int threads = 4;
            List<List<EnqueueResult>> results = Race.run(threads, t -> () -> {
                List<WorkItem> list = new ArrayList<>();
                for (int k = 0; k < 20; k++) {
                    list.add(item("w" + t + "-" + k, "k" + k, T0));
                }
                return store.enqueueAll(list);
            });

            for (int k = 0; k < 20; k++) {
                int key = k;
                assertThat(results.stream().filter(r -> r.get(key) == EnqueueResult.ADDED).count())
                        .as("key k" + k).isEqualTo(1);
            }
            assertThat(store.count(WorkStatus.READY)).isEqualTo(20);
        }
    }

    /** Claiming and settling leased items. */
    @Nested
    class ClaimAndSettle {
        @Test
        void claim_leasesTheItemToTheOwner() {
            store.enqueue(item("w1", "k1", T0));

            WorkItem w = claimOne("worker-1", at(5));

            assertThat(w.id()).isEqualTo("w1");
            assertThat(w.status()).isEqualTo(WorkStatus.LEASED);
            assertThat(w.leaseOwner()).isEqualTo("worker-1");
            assertThat(w.leaseUntil()).isEqualTo(at(5).plus(LEASE));
            assertThat(w.payload()).isEqualTo("{\"id\":\"w1\"}");
            WorkItem stored = store.item("w1").orElseThrow();
            assertThat(stored.status()).isEqualTo(WorkStatus.LEASED);
            assertThat(stored.leaseOwner()).isEqualTo("worker-1");
            assertThat(stored.leaseUntil()).isEqualTo(at(5).plus(LEASE));
        }

        @Test
        void purgeDone_deletesOnlyFinishedItemsEnqueuedBeforeTheCutoff_andFreesTheirDedupeKeys() {
            store.enqueue(item("old-done", "k-old", at(1)));
            store.enqueue(item("new-done", "k-new", at(50)));
            store.enqueue(item("old-parked", "k-parked", at(2)));
            store.enqueue(item("old-ready", "k-ready", at(3)));
            for (WorkItem w : store.claim("worker-1", 3, LEASE, at(60))) {
                if (w.id().equals("old-parked")) {
                    store.park(w.id(), "worker-1", "unmapped");
                } else if (!w.id().equals("old-ready")) {
                    store.complete(w.id(), "worker-1");
                } else {
                    store.retryAt(w.id(), "worker-1", at(61), "later");
                }
            }
            WorkItem newDone = claimOne("worker-1", at(70));
            assertThat(newDone.id()).isEqualTo("new-done");
            store.complete("new-done", "worker-1");

            assertThat(store.purgeDone(at(10))).isEqualTo(1);

            assertThat(store.item("old-done")).isEmpty();
            assertThat(store.item("new-done")).isPresent();
            assertThat(store.item("old-parked")).isPresent();
            assertThat(store.item("old-ready")).isPresent();
            assertThat(store.enqueue(item("again", "k-old", at(80)))).isTrue();
            assertThat(store.purgeDone(at(10))).isZero();
        }

        @Test
        void extendClaim_keepsTheItemFromOtherWorkers_onlyForItsOwner() {
            store.enqueue(item("w-long", "k-long", at(1)));
            WorkItem w = claimOne("worker-1", at(2));

            assertThat(store.extendClaim(w.id(), "worker-2", at(100))).as("not its lease").isFalse();
            assertThat(store.extendClaim(w.id(), "worker-1", at(100))).isTrue();

            assertThat(store.claim("worker-2", 1, LEASE, at(2).plus(LEASE).plusSeconds(1))).isEmpty();
            assertThat(store.item(w.id()).orElseThrow().leaseUntil()).isEqualTo(at(100));
            store.complete(w.id(), "worker-1");
            assertThat(store.extendClaim(w.id(), "worker-1", at(200))).as("settled").isFalse();
        }

        @Test
        void defer_requeuesAtTheTime_withoutCountingAnAttempt() {
            store.enqueue(item("w-defer", "k-defer", at(1)));
            WorkItem w = claimOne("worker-1", at(2));

            store.defer(w.id(), "worker-1", at(30), "rate limited until 30");

            assertThat(store.claim("worker-1", 1, LEASE, at(29))).isEmpty();
            WorkItem again = claimOne("worker-1", at(30));
            assertThat(again.id()).isEqualTo("w-defer");
            assertThat(again.attempts()).isEqualTo(w.attempts());
        }

        @Test
        void purgeDead_deletesOnlyDeadItemsEnqueuedBeforeTheCutoff() {
            store.enqueue(item("old-dead", "k-old-dead", at(1)));
            store.enqueue(item("old-done", "k-old-done", at(2)));
            store.enqueue(item("new-dead", "k-new-dead", at(50)));
            for (WorkItem w : store.claim("worker-1", 3, LEASE, at(60))) {
                if (w.id().equals("old-done")) {
                    store.complete(w.id(), "worker-1");
                } else {
                    store.deadLetter(w.id(), "worker-1", "gave up");
                }
            }

            assertThat(store.purgeDead(at(10))).isEqualTo(1);

            assertThat(store.item("old-dead")).isEmpty();
            assertThat(store.item("new-dead")).isPresent();
            assertThat(store.item("old-done")).isPresent();
            assertThat(store.purgeDead(at(10))).isZero();
        }

        @Test
        void claim_emptyQueue_returnsNothing() {
            assertThat(store.claim("worker-1", 10, LEASE, T0)).isEmpty();
        }

        @Test
        void claim_respectsMax_andTakesTheEarliestAvailableFirst() {
            store.enqueue(WorkItem.ready("late", CONN, "k-late", "t", "", at(3)));
            store.enqueue(WorkItem.ready("early", CONN, "k-early", "t", "", at(1)));
            store.enqueue(WorkItem.ready("middle", CONN, "k-middle", "t", "", at(2)));

            List<WorkItem> first = store.claim("worker-1", 2, LEASE, at(10));
            assertThat(first).extracting(WorkItem::id).containsExactly("early", "middle");
            assertThat(store.claim("worker-1", 2, LEASE, at(10))).extracting(WorkItem::id).containsExactly("late");
            assertThat(store.claim("worker-1", 2, LEASE, at(10))).isEmpty();
        }

        @Test
        void claim_spansConnections() {
            store.enqueue(item("w1", "k", T0));
            store.enqueue(WorkItem.ready("w2", OTHER_CONN, "k", "t", "", T0));

            assertThat(store.claim("worker-1", 10, LEASE, T0)).extracting(WorkItem::id)
                    .containsExactlyInAnyOrder("w1", "w2");
        }

        @Test
        void claim_spreadsABatchAcrossConnections_roundRobin_soABacklogDoesNotPushOthersBack() {
            for (int i = 0; i < 6; i++) {
                store.enqueue(WorkItem.ready("busy-" + i, CONN, "k" + i, "t", "", at(i)));
            }
            store.enqueue(WorkItem.ready("other-0", OTHER_CONN, "k0", "t", "", at(7)));
            store.enqueue(WorkItem.ready("other-1", OTHER_CONN, "k1", "t", "", at(8)));
            store.enqueue(WorkItem.ready("third-0", "conn-c", "k0", "t", "", at(9)));

            assertThat(store.claim("worker-1", 4, LEASE, at(10))).extracting(WorkItem::id)
                    .as("every connection's first item before any connection's second")
                    .containsExactly("busy-0", "other-0", "third-0", "busy-1");
            assertThat(store.claim("worker-1", 10, LEASE, at(10))).extracting(WorkItem::id)
                    .containsExactly("busy-2", "other-1", "busy-3", "busy-4", "busy-5");
        }

        @Test
        void claimFair_capsEachConnection_countingItsItemsLeasedAlready() {
            for (int i = 0; i < 5; i++) {
                store.enqueue(WorkItem.ready("busy-" + i, CONN, "k" + i, "t", "", at(i)));
            }
            store.enqueue(WorkItem.ready("other-0", OTHER_CONN, "k0", "t", "", at(9)));

            assertThat(store.claimFair("node-1", 10, 2, LEASE, at(10))).extracting(WorkItem::id)
                    .containsExactly("busy-0", "other-0", "busy-1");
            assertThat(store.claimFair("node-1", 10, 2, LEASE, at(11))).as("both of node-1's busy slots are leased")
                    .isEmpty();
            assertThat(store.claimFair("node-2", 10, 2, LEASE, at(11)))
                    .as("the cap is per node: another node is not kept idle by node-1's leases")
                    .extracting(WorkItem::id).containsExactly("busy-2", "busy-3");
            store.complete("busy-0", "node-1");
            assertThat(store.claimFair("node-1", 10, 2, LEASE, at(12))).extracting(WorkItem::id)
                    .containsExactly("busy-4");
            assertThat(store.claimFair("node-3", 10, 1, LEASE, at(10).plus(LEASE)))
                    .as("expired leases are claimable again and do not count")
                    .extracting(WorkItem::id).containsExactly("busy-1", "other-0");
            assertThatThrownBy(() -> store.claimFair("node-1", 1, 0, LEASE, at(12)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void claim_respectsAvailableAt() {
            store.enqueue(new WorkItem("w1", CONN, "k", "t", "", WorkStatus.READY, 0, at(10), null, null, null, T0));

            assertThat(store.claim("worker-1", 10, LEASE, at(9))).isEmpty();
            assertThat(store.claim("worker-1", 10, LEASE, at(10))).extracting(WorkItem::id).containsExactly("w1");
        }

        @Test
        void leasedItem_isNotClaimedAgainBeforeTheLeaseExpires() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            assertThat(store.claim("worker-2", 10, LEASE, T0.plus(LEASE).minusSeconds(1))).isEmpty();
            assertThat(store.claim("worker-1", 10, LEASE, T0.plusSeconds(1))).isEmpty();
        }

        @Test
        void expiredLease_isReclaimedByAnotherOwner_andTheFirstOwnerHasLostIt() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            WorkItem again = claimOne("worker-2", T0.plus(LEASE));
            assertThat(again.leaseOwner()).isEqualTo("worker-2");
            assertThat(again.leaseUntil()).isEqualTo(T0.plus(LEASE).plus(LEASE));

            assertThatThrownBy(() -> store.complete("w1", "worker-1")).isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> store.retryAt("w1", "worker-1", at(100), "x")).isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> store.park("w1", "worker-1", "x")).isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> store.deadLetter("w1", "worker-1", "x")).isInstanceOf(LeaseLostException.class);
            assertThat(store.item("w1").orElseThrow().leaseOwner()).isEqualTo("worker-2");

            store.complete("w1", "worker-2");
            assertThat(status("w1")).isEqualTo(WorkStatus.DONE);
        }

        @Test
        void complete_marksDone_andTheItemIsNeverClaimedAgain() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            store.complete("w1", "worker-1");

            WorkItem w = store.item("w1").orElseThrow();
            assertThat(w.status()).isEqualTo(WorkStatus.DONE);
            assertThat(w.leaseOwner()).isNull();
            assertThat(w.leaseUntil()).isNull();
            assertThat(store.claim("worker-1", 10, LEASE, at(3600))).isEmpty();
        }

        @Test
        void settling_twice_orAnUnknownItem_orSomeoneElsesLease_throws() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            assertThatThrownBy(() -> store.complete("w1", "worker-2")).isInstanceOf(LeaseLostException.class);
            store.complete("w1", "worker-1");
            assertThatThrownBy(() -> store.complete("w1", "worker-1")).isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> store.complete("missing", "worker-1")).isInstanceOf(LeaseLostException.class);
            assertThat(status("w1")).isEqualTo(WorkStatus.DONE);
        }

        @Test
        void settlingAReadyItem_throws() {
            store.enqueue(item("w1", "k", T0));

            assertThatThrownBy(() -> store.complete("w1", "worker-1")).isInstanceOf(LeaseLostException.class);
            assertThat(status("w1")).isEqualTo(WorkStatus.READY);
        }

        @Test
        void retryAt_returnsTheItemLater_withOneMoreAttemptAndTheError() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            store.retryAt("w1", "worker-1", at(60), "HTTP 503");

            WorkItem w = store.item("w1").orElseThrow();
            assertThat(w.status()).isEqualTo(WorkStatus.READY);
            assertThat(w.attempts()).isEqualTo(1);
            assertThat(w.availableAt()).isEqualTo(at(60));
            assertThat(w.lastError()).isEqualTo("HTTP 503");
            assertThat(w.leaseOwner()).isNull();
            assertThat(store.claim("worker-2", 10, LEASE, at(59))).isEmpty();

            WorkItem again = claimOne("worker-2", at(60));
            assertThat(again.attempts()).isEqualTo(1);
            store.retryAt("w1", "worker-2", at(120), "HTTP 502");
            assertThat(store.item("w1").orElseThrow().attempts()).isEqualTo(2);
            assertThat(store.item("w1").orElseThrow().lastError()).isEqualTo("HTTP 502");
        }

        @Test
        void retriedItem_stillBlocksItsDedupeKey() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);
            store.retryAt("w1", "worker-1", at(60), "HTTP 503");

            assertThat(store.enqueue(item("w2", "k", at(1)))).isFalse();
        }

        @Test
        void park_thenRequeue_makesTheItemReadyAgain() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            store.park("w1", "worker-1", "vendor 42 is not mapped");

            WorkItem parked = store.item("w1").orElseThrow();
            assertThat(parked.status()).isEqualTo(WorkStatus.PARKED);
            assertThat(parked.lastError()).isEqualTo("vendor 42 is not mapped");
            assertThat(parked.leaseOwner()).isNull();
            assertThat(store.claim("worker-1", 10, LEASE, at(3600))).isEmpty();
            assertThat(store.items(CONN, WorkStatus.PARKED)).extracting(WorkItem::id).containsExactly("w1");

            assertThat(store.requeue("w1", at(100))).isTrue();

            WorkItem ready = store.item("w1").orElseThrow();
            assertThat(ready.status()).isEqualTo(WorkStatus.READY);
            assertThat(ready.availableAt()).isEqualTo(at(100));
            assertThat(store.claim("worker-1", 10, LEASE, at(99))).isEmpty();
            assertThat(claimOne("worker-1", at(100)).id()).isEqualTo("w1");
        }

        @Test
        void park_withWhatItWaitsFor_keepsItOnTheItem_untilParkedAgainWithout() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            store.park("w1", "worker-1", "waits for its bill", "freshbooks:bill:100");

            WorkItem parked = store.item("w1").orElseThrow();
            assertThat(parked.status()).isEqualTo(WorkStatus.PARKED);
            assertThat(parked.waitingFor()).isEqualTo("freshbooks:bill:100");
            assertThat(store.items(CONN, WorkStatus.PARKED)).extracting(WorkItem::waitingFor)
                    .containsExactly("freshbooks:bill:100");

            assertThat(store.requeue("w1", at(1))).isTrue();
            assertThat(claimOne("worker-1", at(1)).waitingFor()).isEqualTo("freshbooks:bill:100");
            store.park("w1", "worker-1", "vendor 42 is not mapped");

            assertThat(store.item("w1").orElseThrow().waitingFor()).isNull();
        }

        @Test
        void deadLetter_thenRequeue() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);

            store.deadLetter("w1", "worker-1", "HTTP 422: invalid cost code");

            WorkItem dead = store.item("w1").orElseThrow();
            assertThat(dead.status()).isEqualTo(WorkStatus.DEAD);
            assertThat(dead.attempts()).isEqualTo(1);
            assertThat(dead.lastError()).isEqualTo("HTTP 422: invalid cost code");
            assertThat(store.claim("worker-1", 10, LEASE, at(3600))).isEmpty();
            assertThat(store.count(WorkStatus.DEAD)).isEqualTo(1);

            assertThat(store.requeue("w1", at(10))).isTrue();
            assertThat(status("w1")).isEqualTo(WorkStatus.READY);
            assertThat(claimOne("worker-1", at(10)).id()).isEqualTo("w1");
        }

        @Test
        void requeue_onlyMovesParkedOrDeadItems() {
            store.enqueue(item("ready", "k1", T0));
            store.enqueue(item("leased", "k2", T0));
            store.enqueue(item("done", "k3", T0));
            store.claim("worker-1", 3, LEASE, T0);
            store.complete("done", "worker-1");
            store.retryAt("ready", "worker-1", T0, "again");

            assertThat(store.requeue("ready", at(1))).isFalse();
            assertThat(store.requeue("leased", at(1))).isFalse();
            assertThat(store.requeue("done", at(1))).isFalse();
            assertThat(store.requeue("missing", at(1))).isFalse();
            assertThat(status("leased")).isEqualTo(WorkStatus.LEASED);
            assertThat(status("done")).isEqualTo(WorkStatus.DONE);
        }

        @Test
        void requeue_isRefusedWhileAnotherItemWithTheKeyIsPending() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);
            store.deadLetter("w1", "worker-1", "boom");
            assertThat(store.enqueue(item("w2", "k", at(1)))).isTrue();

            assertThat(store.requeue("w1", at(2))).isFalse();
            assertThat(status("w1")).isEqualTo(WorkStatus.DEAD);

            claimOne("worker-1", at(2));
            store.complete("w2", "worker-1");
            assertThat(store.requeue("w1", at(3))).isTrue();
        }

        @Test
        void items_andCount_reportByStatus() {
            store.enqueue(item("a", "ka", at(1)));
            store.enqueue(item("b", "kb", at(2)));
            store.enqueue(item("c", "kc", at(3)));
            store.enqueue(WorkItem.ready("d", OTHER_CONN, "kd", "t", "", at(4)));
            List<WorkItem> claimed = store.claim("worker-1", 1, LEASE, at(10));
            assertThat(claimed).extracting(WorkItem::id).containsExactly("a");

            assertThat(store.items(CONN, WorkStatus.READY)).extracting(WorkItem::id).containsExactly("b", "c");
            assertThat(store.items(CONN, WorkStatus.LEASED)).extracting(WorkItem::id).containsExactly("a");
            assertThat(store.items(OTHER_CONN, WorkStatus.READY)).extracting(WorkItem::id).containsExactly("d");
            assertThat(store.items(CONN, WorkStatus.DONE)).isEmpty();
            assertThat(store.count(WorkStatus.READY)).isEqualTo(3);
            assertThat(store.count(WorkStatus.LEASED)).isEqualTo(1);
            assertThat(store.count(WorkStatus.DEAD)).isZero();
        }

        @Test
        void twoWorkersClaimingOneItem_exactlyOneGetsIt() {
            store.enqueue(item("w1", "k", T0));

            List<List<WorkItem>> claims = Race.run(2, t -> () -> store.claim("worker-" + t, 1, LEASE, T0));

            assertThat(claims.stream().mapToInt(List::size).sum()).isEqualTo(1);
            int winner = claims.get(0).isEmpty() ? 1 : 0;
            assertThat(store.item("w1").orElseThrow().leaseOwner()).isEqualTo("worker-" + winner);
        }

        @Test
        void manyWorkersClaimingMany_eachItemIsClaimedExactlyOnce() {
            int items = 120;
            for (int i = 0; i < items; i++) {
                store.enqueue(item(String.format("w%03d", i), "k" + i, T0));
            }
            int workers = 8;
            List<List<String>> claimed = Race.run(workers, t -> () -> {
                List<String> mine = new ArrayList<>();
                while (true) {
                    List<WorkItem> batch = store.claim("worker-" + t, 3, LEASE, T0);
                    if (batch.isEmpty()) {
                        return mine;
                    }
                    for (WorkItem w : batch) {
                        assertThat(w.leaseOwner()).isEqualTo("worker-" + t);
                        mine.add(w.id());
                    }
                }
            });

            List<String> all = new ArrayList<>();
            claimed.forEach(all::addAll);
            assertThat(all).hasSize(items).doesNotHaveDuplicates();
            for (int t = 0; t < workers; t++) {
                for (String id : claimed.get(t)) {
                    assertThat(store.item(id).orElseThrow().leaseOwner()).isEqualTo("worker-" + t);
                }
            }
            assertThat(store.count(WorkStatus.LEASED)).isEqualTo(items);
        }

        @Test
        void concurrentSettleAndReclaim_leaveTheItemWithOneOwner() {
            store.enqueue(item("w1", "k", T0));
            claimOne("worker-1", T0);
            Instant afterExpiry = T0.plus(LEASE);

            List<Boolean> results = Race.run(2, t -> () -> {
                if (t == 0) {
                    try {
                        store.complete("w1", "worker-1");
                        return true;
                    } catch (LeaseLostException e) {
                        return false;
                    }
                }
                return !store.claim("worker-2", 1, LEASE, afterExpiry).isEmpty();
            });

            WorkItem w = store.item("w1").orElseThrow();
            // either the first worker completed in time (and the item is done), or the second took it over
            // (and the first worker's completion was refused) — never both
            assertThat(results).containsExactlyInAnyOrder(true, false);
            if (results.get(0)) {
                assertThat(w.status()).isEqualTo(WorkStatus.DONE);
            } else {
                assertThat(w.status()).isEqualTo(WorkStatus.LEASED);
                assertThat(w.leaseOwner()).isEqualTo("worker-2");
            }
        }
    }

    /** Named leases for poll leadership. */
    @Nested
    class NamedLeases {
        @Test
        void freeLease_isAcquired_andExcludesOthersUntilItExpires() {
            assertThat(store.tryAcquireLease("poll:freshbooks", "node-1", LEASE, T0)).isTrue();

            assertThat(store.tryAcquireLease("poll:freshbooks", "node-2", LEASE, at(29))).isFalse();
            assertThat(store.tryAcquireLease("poll:freshbooks", "node-2", LEASE, at(30))).isTrue();
            assertThat(store.tryAcquireLease("poll:freshbooks", "node-1", LEASE, at(31))).isFalse();
        }

        @Test
        void holder_renews_andExtendsTheLease() {
            assertThat(store.tryAcquireLease("poll", "node-1", LEASE, T0)).isTrue();
            assertThat(store.tryAcquireLease("poll", "node-1", LEASE, at(20))).isTrue();

            assertThat(store.tryAcquireLease("poll", "node-2", LEASE, at(40))).isFalse();
            assertThat(store.tryAcquireLease("poll", "node-2", LEASE, at(50))).isTrue();
        }

        @Test
        void release_byTheHolder_freesTheLease() {
            store.tryAcquireLease("poll", "node-1", LEASE, T0);

            store.releaseLease("poll", "node-1");

            assertThat(store.tryAcquireLease("poll", "node-2", LEASE, at(1))).isTrue();
        }

        @Test
        void release_bySomeoneElse_changesNothing() {
            store.tryAcquireLease("poll", "node-1", LEASE, T0);

            store.releaseLease("poll", "node-2");
            store.releaseLease("other", "node-1");

            assertThat(store.tryAcquireLease("poll", "node-2", LEASE, at(1))).isFalse();
        }

        @Test
        void leases_areIndependentByName() {
            assertThat(store.tryAcquireLease("poll:a", "node-1", LEASE, T0)).isTrue();
            assertThat(store.tryAcquireLease("poll:b", "node-2", LEASE, T0)).isTrue();
            assertThat(store.tryAcquireLease("poll:a", "node-2", LEASE, T0)).isFalse();
        }

        @Test
        void concurrentAcquire_exactlyOneWins() {
            int threads = 16;
            List<Boolean> won = Race.run(threads, t -> () -> store.tryAcquireLease("poll", "node-" + t, LEASE, T0));

            assertThat(won.stream().filter(b -> b).count()).isEqualTo(1);
            String winner = "node-" + won.indexOf(true);
            assertThat(store.tryAcquireLease("poll", winner, LEASE, at(1))).isTrue();
        }
    }

    /** Month-end reconciliation reports: one per connection and month, never replaced, latest month first. */
    @Nested
    class ReconciliationReports {
        private StoredReconciliation report(String conn, String month, int differences, String json) {
            return new StoredReconciliation(conn, YearMonth.parse(month), T0.plusNanos(123_456_789), differences,
                    json, "section,status\r\nrecord,DIFFERENT\r\n");
        }

        @Test
        void absent_isEmpty() {
            assertThat(store.reconciliation(CONN, YearMonth.of(2025, 2))).isEmpty();
            assertThat(store.reconciliations(CONN, 12)).isEmpty();
        }

        @Test
        void save_thenRead_roundTripsEveryField() {
            String json = "{\"period\":\"2025-02\",\"reason\":\"Größe \\\"quoted\\\", 'single'\\n€\"}";
            String csv = "section,reason\r\nrecord,\"a, \"\"quoted\"\" one\r\nsecond line\"\r\n";
            StoredReconciliation in = new StoredReconciliation(CONN, YearMonth.of(2025, 2),
                    T0.plusNanos(123_456_789), 3, json, csv);

            assertThat(store.saveReconciliation(in)).isTrue();

            StoredReconciliation out = store.reconciliation(CONN, YearMonth.of(2025, 2)).orElseThrow();
            assertThat(out).isEqualTo(in);
            assertThat(out.json()).isEqualTo(json);
            assertThat(out.csv()).isEqualTo(csv);
            assertThat(out.generatedAt()).isEqualTo(T0.plusNanos(123_456_789));
            assertThat(out.differenceCount()).isEqualTo(3);
        }

        @Test
        void save_ofAMonthAlreadyKept_isRefused_andKeepsTheFirst() {
            assertThat(store.saveReconciliation(report(CONN, "2025-02", 3, "{\"first\":true}"))).isTrue();

            assertThat(store.saveReconciliation(report(CONN, "2025-02", 0, "{\"second\":true}"))).isFalse();

            StoredReconciliation kept = store.reconciliation(CONN, YearMonth.of(2025, 2)).orElseThrow();
            assertThat(kept.json()).isEqualTo("{\"first\":true}");
            assertThat(kept.differenceCount()).isEqualTo(3);
        }

        @Test
        void reports_arePerConnectionAndMonth() {
            store.saveReconciliation(report(CONN, "2025-02", 1, "{\"a\":1}"));
            assertThat(store.saveReconciliation(report(OTHER_CONN, "2025-02", 2, "{\"b\":1}"))).isTrue();
            assertThat(store.saveReconciliation(report(CONN, "2025-01", 4, "{\"a\":0}"))).isTrue();

            assertThat(store.reconciliation(CONN, YearMonth.of(2025, 2)).orElseThrow().differenceCount()).isEqualTo(1);
            assertThat(store.reconciliation(OTHER_CONN, YearMonth.of(2025, 2)).orElseThrow().differenceCount())
                    .isEqualTo(2);
            assertThat(store.reconciliation(OTHER_CONN, YearMonth.of(2025, 1))).isEmpty();
            assertThat(store.reconciliations(OTHER_CONN, 12)).extracting(StoredReconciliation::connectionId)
                    .containsExactly(OTHER_CONN);
        }

        @Test
        void list_isLatestMonthFirst_andHonoursTheLimit() {
            for (String month : List.of("2024-11", "2025-02", "2024-12", "2025-01", "2023-12")) {
                store.saveReconciliation(report(CONN, month, 0, "{}"));
            }

            assertThat(store.reconciliations(CONN, 12)).extracting(r -> r.period().toString())
                    .containsExactly("2025-02", "2025-01", "2024-12", "2024-11", "2023-12");
            assertThat(store.reconciliations(CONN, 2)).extracting(r -> r.period().toString())
                    .containsExactly("2025-02", "2025-01");
            assertThatThrownBy(() -> store.reconciliations(CONN, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aLargeReport_roundTrips() {
            StringBuilder csv = new StringBuilder("section,status,reason\r\n");
            while (csv.length() < 3_000_000) {
                csv.append("record,ACCOUNTING_ONLY,bill ").append(csv.length()).append(" has no requisition\r\n");
            }
            String json = "{\"records\":\"" + "x".repeat(2_000_000) + "\"}";

            assertThat(store.saveReconciliation(new StoredReconciliation(CONN, YearMonth.of(2025, 2), T0, 40_000,
                    json, csv.toString()))).isTrue();

            StoredReconciliation out = store.reconciliation(CONN, YearMonth.of(2025, 2)).orElseThrow();
            assertThat(out.csv()).isEqualTo(csv.toString());
            assertThat(out.json()).isEqualTo(json);
        }

        @Test
        void concurrentSaves_ofOneMonth_keepExactlyOne() {
            int threads = 8;
            List<Boolean> kept = Race.run(threads, t -> () -> store.saveReconciliation(
                    report(CONN, "2025-02", t, "{\"node\":" + t + "}")));

            assertThat(kept.stream().filter(b -> b).count()).isEqualTo(1);
            int winner = kept.indexOf(true);
            assertThat(store.reconciliation(CONN, YearMonth.of(2025, 2)).orElseThrow().json())
                    .isEqualTo("{\"node\":" + winner + "}");
        }
    }

    /** Queue stats for health checks: counts per status of one connection and the oldest due ready item. */
    @Test
    void queueStats_countByStatusPerConnection_andDateTheOldestDueReadyItem() {
        assertThat(store.queueStats(CONN, T0)).isEqualTo(io.mlconnector.core.state.QueueStats.EMPTY);
        store.enqueue(item("a", "ka", at(1)));
        store.enqueue(item("b", "kb", at(2)));
        store.enqueue(item("c", "kc", at(3)));
        store.enqueue(item("d", "kd", at(4)));
        store.enqueue(item("e", "ke", at(5)));
        store.enqueue(WorkItem.ready("x", OTHER_CONN, "kx", "t", "", T0));
        claimOne("worker-1", at(10)); // x is another connection's; a is the earliest of ours
        List<WorkItem> ours = store.claim("worker-1", 3, LEASE, at(10));
        assertThat(ours).extracting(WorkItem::id).containsExactly("a", "b", "c");
        store.complete("a", "worker-1");
        store.deadLetter("b", "worker-1", "boom");
        store.retryAt("c", "worker-1", at(100), "later"); // ready again, but not due before at(100)

        io.mlconnector.core.state.QueueStats stats = store.queueStats(CONN, at(20));

        assertThat(stats.count(WorkStatus.READY)).isEqualTo(3);
        assertThat(stats.count(WorkStatus.LEASED)).isZero();
        assertThat(stats.count(WorkStatus.DONE)).isEqualTo(1);
        assertThat(stats.count(WorkStatus.DEAD)).isEqualTo(1);
        assertThat(stats.count(WorkStatus.PARKED)).isZero();
        assertThat(stats.oldestReadyAt()).as("d, due since it was enqueued; c waits for its backoff").isEqualTo(at(4));
        assertThat(stats.oldestReadyAge(at(20))).isEqualTo(Duration.ofSeconds(16));
        assertThat(store.queueStats(CONN, at(100)).oldestReadyAt()).as("c is due now").isEqualTo(at(4));
        assertThat(store.queueStats(CONN, at(3)).oldestReadyAt()).as("nothing due before d was enqueued").isNull();
        assertThat(store.queueStats(OTHER_CONN, at(20)).count(WorkStatus.LEASED)).isEqualTo(1);
        assertThat(store.queueStats(OTHER_CONN, at(20)).count(WorkStatus.READY)).isZero();
    }
}

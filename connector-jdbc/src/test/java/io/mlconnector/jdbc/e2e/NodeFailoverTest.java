package io.mlconnector.jdbc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.PollResult;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.jdbc.JdbcStoreException;
import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of two nodes dies in the middle of a run, in the middle of a batch it has claimed and at the worst moment —
 * Procore has just created an object for it, which it has not recorded yet: its database access is cut and its
 * scheduler stopped without draining, so the items it holds stay leased to it. The surviving node cannot take them
 * while the lease runs (the nodes share one clock, which the test moves past the lease instead of waiting for it in
 * real time), takes them once it has expired, adopts the orphaned object by its origin id, and the end state is
 * still exactly one Procore object per bill.
 */
@PostgresDatabase
class NodeFailoverTest {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFailoverTest.class);
    private static final int BILLS = 400;
    private static final int REQUISITIONS = 3;

    private final TestDatabase db;

    NodeFailoverTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aNodeKilledWhileHoldingLeasedItems_theOtherTakesThemOverOnceTheLeaseExpires() throws Exception {
        SharedState shared = new SharedState(db);
        ShiftableClock clock = new ShiftableClock(); // the nodes' common clock
        // node-b retries records whose record lease the dead node still holds until that lease runs out
        // The lease outlasts the run in real time (the test moves the clock past it), so a slow machine cannot let it
        // run out before the test does.
        SyncPolicy policy = TwoNodeBillSyncTest.policy().toBuilder().maxAttempts(200)
                .leaseDuration(Duration.ofMinutes(5)).build();
        try (BillWorld world = BillWorld.create(db, BILLS, REQUISITIONS, 20_240_502L);
             SyncNode a = new SyncNode("node-a", world, clock, policy, 3);
             SyncNode b = new SyncNode("node-b", world, clock, policy, 3)) {
            long started = System.nanoTime();
            a.start();
            b.start();
            Random random = new Random(4242);
            int killAt = BILLS * 2 / 5;
            int failedOver = 0;
            List<WorkItem> heldByA = List.of();
            for (int i = 0; i < world.plans.size(); i++) {
                if (i == killAt) {
                    await("both nodes well into the run").atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(50)).until(() -> {
                                Map<String, Long> posted = postedBy(shared);
                                return posted.getOrDefault("node-a", 0L) >= 40 && posted.getOrDefault("node-b", 0L) >= 40;
                            });
                    a.killAfterNextCreate();
                    assertThat(a.awaitKilled(Duration.ofSeconds(30))).as("node-a died").isTrue();
                    assertThat(a.awaitGone(Duration.ofSeconds(30))).as("node-a's threads ended").isTrue();
                    heldByA = leasedTo(shared, "node-a");
                    assertThat(heldByA).as("items node-a held leased when it died").isNotEmpty();
                }
                WebhookRequest hook = world.billCreated(world.create(world.plans.get(i)).id());
                boolean both = random.nextInt(10) == 0;
                SyncNode target = random.nextBoolean() ? a : b;
                for (SyncNode node : both ? List.of(target, target == a ? b : a) : List.of(target)) {
                    if (node.isDead()) {
                        // the host's load balancer (or FreshBooks' retry) sends it to the live node instead
                        failedOver++;
                        assertThat(catchRefusal(node, hook)).isTrue();
                        if (!both) {
                            assertAccepted(b.deliver(hook));
                        }
                    } else {
                        assertAccepted(node.deliver(hook));
                    }
                }
            }

            // node-b does all it can; node-a's items stay leased to the dead node while its lease runs
            await("node-b idle").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> leasedTo(shared, "node-b").isEmpty() && readyNow(shared, clock.instant()) == 0);
            List<String> heldIds = heldByA.stream().map(WorkItem::id).toList();
            assertThat(leasedTo(shared, "node-a")).extracting(WorkItem::id).containsExactlyInAnyOrderElementsOf(heldIds);
            long postedBeforeExpiry = shared.postedBills();
            // node-a died right after Procore created an object for it: that bill has the object but no POSTED entry
            Map<String, BillWorld.ProcoreObject> byOrigin = world.procoreObjects().stream()
                    .collect(Collectors.toMap(BillWorld.ProcoreObject::originId, o -> o));
            List<LedgerEntry> orphaned = shared.billLedger().values().stream()
                    .filter(e -> e.state() == LedgerState.PENDING)
                    .filter(e -> byOrigin.containsKey(world.originOf(billId(e)))).toList();
            // (at least the one whose 201 killed it; its other worker threads may have had creates in flight too)
            assertThat(orphaned).as("created in Procore by node-a, never recorded").isNotEmpty().hasSizeLessThanOrEqualTo(3);

            // the lease (and node-a's poll leadership) runs out
            clock.advance(policy.leaseDuration().plus(policy.pollInterval()).plusSeconds(1));
            await("all bills posted and the queue empty").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> (shared.postedBills() == BILLS && shared.openItems() == 0)
                            || shared.itemsByStatus().get(WorkStatus.DEAD) > 0);
            long settled = System.nanoTime();

            assertThat(heldIds).allSatisfy(id -> assertThat(shared.item(id)).hasValueSatisfying(w ->
                    assertThat(w.status()).as("item %s held by the dead node", id).isEqualTo(WorkStatus.DONE)));
            PollResult poll = b.engine().pollOnce(BillWorld.CONNECTION);
            assertThat(poll.stream("freshbooks.BILLS").notLeader()).as("node-b leads polling now").isFalse();
            assertThat(poll.enqueued()).isZero();

            Map<WorkStatus, Long> items = shared.itemsByStatus();
            assertThat(items).containsEntry(WorkStatus.DEAD, 0L).containsEntry(WorkStatus.PARKED, 0L)
                    .containsEntry(WorkStatus.READY, 0L).containsEntry(WorkStatus.LEASED, 0L);
            List<BillWorld.ProcoreObject> objects = world.procoreObjects();
            Map<String, Integer> perOrigin = world.objectsPerOrigin();
            assertThat(objects).hasSize(BILLS);
            assertThat(perOrigin.keySet()).containsExactlyInAnyOrderElementsOf(
                    world.bills.stream().map(bill -> world.originOf(bill.id())).toList());
            assertThat(perOrigin.values()).allSatisfy(n -> assertThat(n).isOne());
            Map<String, LedgerEntry> ledger = shared.billLedger();
            assertThat(ledger.values()).hasSize(BILLS).allSatisfy(e -> assertThat(e.state()).isEqualTo(LedgerState.POSTED));
            Map<String, Long> audit = shared.auditOutcomes();
            assertThat(audit).doesNotContainKeys("FAILED_PERMANENT");
            // node-b found node-a's orphans by their origin ids and adopted them instead of creating second objects
            for (LedgerEntry crashed : orphaned) {
                LedgerEntry recovered = ledger.get(crashed.sourceKey());
                assertThat(recovered.targetId()).isEqualTo(Long.toString(byOrigin.get(world.originOf(billId(crashed))).id()));
                assertThat(SharedState.postedBy(recovered)).isEqualTo("node-b");
            }
            assertThat(shared.auditReasons("POSTED").stream().filter(r -> r.startsWith("adopted")).toList())
                    .hasSize(orphaned.size()).allSatisfy(r -> assertThat(orphaned.stream()
                            .anyMatch(o -> r.contains(world.originOf(billId(o)) + " "))).isTrue());

            LOG.info("FIGURES failover, {} bills: {} Procore objects ({} distinct origin ids, {} duplicates); node-a "
                            + "died holding {} leased items ({} of them just created in Procore, adopted by node-b), "
                            + "all completed by node-b after the lease; {} deliveries to the dead node failed over; posted before expiry {}; posted by node {}; work items {}; "
                            + "audit {}; settled after {} ms (lease skipped by the shared clock)",
                    BILLS, objects.size(), perOrigin.size(), objects.size() - perOrigin.size(), heldIds.size(),
                    orphaned.size(), failedOver, postedBeforeExpiry, postedBy(shared), items, new TreeMap<>(audit),
                    (settled - started) / 1_000_000);
        }
    }

    private static long billId(LedgerEntry e) {
        return Long.parseLong(e.sourceKey().substring(SharedState.BILL_KEY_PREFIX.length()));
    }

    private static Map<String, Long> postedBy(SharedState shared) {
        return shared.billLedger().values().stream().filter(e -> e.state() == LedgerState.POSTED)
                .collect(Collectors.groupingBy(SharedState::postedBy, TreeMap::new, Collectors.counting()));
    }

    private static List<WorkItem> leasedTo(SharedState shared, String node) {
        return shared.items(WorkStatus.LEASED).stream().filter(w -> node.equals(w.leaseOwner())).toList();
    }

    private static long readyNow(SharedState shared, Instant now) {
        return shared.items(WorkStatus.READY).stream().filter(w -> !w.availableAt().isAfter(now)).count();
    }

    /** Whether the dead node failed the delivery (it cannot reach the database to enqueue it). */
    private static boolean catchRefusal(SyncNode node, WebhookRequest hook) {
        try {
            node.deliver(hook);
            return false;
        } catch (JdbcStoreException refused) {
            return refused.isRetryable();
        }
    }

    private static void assertAccepted(WebhookResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}

package io.mlconnector.jdbc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.PollResult;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;
import io.mlconnector.testkit.freshbooks.Bill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two engines (two host instances) share one PostgreSQL database — {@code JdbcSyncStateStore},
 * {@code JdbcMappingStore} and {@code JdbcAuditLog}, schema migrated once — and the two sandboxes, each with its own
 * real FreshBooks and Procore clients. 1,000 FreshBooks bills are entered during the run, each announced by a signed
 * webhook delivered to either node at random (one in ten to both, a few to neither), while both nodes also poll. At the end Procore holds exactly
 * one object per bill — 1,000 objects, 1,000 distinct origin ids, none twice, none missing — for the bill's amount,
 * and every bill's ledger entry is POSTED with that object. (The Procore sandbox, like Procore, refuses a second object
 * with an origin id already taken in the company, so a duplicate create would also show up as a dead-lettered item
 * or a FAILED_PERMANENT audit event, which the test rules out as well.)
 */
@PostgresDatabase
class TwoNodeBillSyncTest {
    private static final Logger LOG = LoggerFactory.getLogger(TwoNodeBillSyncTest.class);
    private static final int BILLS = 1_000;
    private static final int REQUISITIONS = 6;

    private final TestDatabase db;

    TwoNodeBillSyncTest(TestDatabase db) {
        this.db = db;
    }

    static SyncPolicy policy() {
        return SyncPolicy.builder()
                .pollInterval(Duration.ofSeconds(2))
                .initialLookback(Duration.ofDays(2))
                .leaseDuration(Duration.ofSeconds(30))
                .backoffBase(Duration.ofMillis(200))
                .backoffMax(Duration.ofSeconds(2))
                .maxAttempts(20)
                .batchSize(10)
                .workerInterval(Duration.ofMillis(200))
                // bills from FreshBooks, and Procore's direct costs: the connector's own must not echo back
                .enabledStreams(Set.of(SourceStream.BILLS, SourceStream.DIRECT_COSTS))
                // these runs are about posting; the month-end comparison of both sandboxes at start is another test's
                .monthEnd(io.mlconnector.core.sync.MonthEndSchedule.off())
                .build();
    }

    @Test
    void thousandBills_webhooksToBothNodesAtRandom_plusPolling_becomeExactlyOneProcoreObjectEach() throws Exception {
        SharedState shared = new SharedState(db);
        try (BillWorld world = BillWorld.create(db, BILLS, REQUISITIONS, 20_240_501L);
             SyncNode a = new SyncNode("node-a", world, new ShiftableClock(), policy(), 3);
             SyncNode b = new SyncNode("node-b", world, new ShiftableClock(), policy(), 3)) {
            long started = System.nanoTime();
            a.start();
            b.start();

            Random random = new Random(42);
            int toBoth = 0;
            int toNeither = 0;
            Map<String, Integer> intake = new TreeMap<>();
            List<PollResult[]> pollPairs = new ArrayList<>();
            for (int i = 0; i < world.plans.size(); i++) {
                // a bill is entered in FreshBooks, and FreshBooks announces it to the host's load balancer
                WebhookRequest hook = world.billCreated(world.create(world.plans.get(i)).id());
                int dice = random.nextInt(100);
                List<SyncNode> targets;
                if (dice < 3) {
                    toNeither++; // lost webhook: only polling can find this bill
                    targets = List.of();
                } else if (dice < 13) {
                    toBoth++;
                    targets = random.nextBoolean() ? List.of(a, b) : List.of(b, a);
                } else {
                    targets = List.of(dice % 2 == 0 ? a : b);
                }
                for (SyncNode node : targets) {
                    WebhookResponse response = node.deliver(hook);
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    intake.merge(response.body().contains("duplicate") ? "duplicate" : "queued", 1, Integer::sum);
                }
                if (i % 250 == 125) {
                    pollPairs.add(new PollResult[] {a.engine().pollOnce(BillWorld.CONNECTION),
                            b.engine().pollOnce(BillWorld.CONNECTION)});
                }
            }
            long delivered = System.nanoTime();

            await("all bills posted and the queue empty").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> (shared.postedBills() == BILLS && shared.openItems() == 0)
                            || shared.itemsByStatus().get(WorkStatus.DEAD) > 0);
            long settled = System.nanoTime();

            // a last poll on both nodes finds nothing left to do
            PollResult lastA = a.engine().pollOnce(BillWorld.CONNECTION);
            PollResult lastB = b.engine().pollOnce(BillWorld.CONNECTION);
            assertThat(lastA.enqueued() + lastB.enqueued()).isZero();
            assertThat(List.of(lastA, lastB)).allSatisfy(p -> assertThat(p.streams()).allSatisfy(s ->
                    assertThat(s.error()).isNull()));

            // queue: everything done, nothing parked or dead-lettered
            Map<WorkStatus, Long> items = shared.itemsByStatus();
            assertThat(items).containsEntry(WorkStatus.DEAD, 0L).containsEntry(WorkStatus.PARKED, 0L)
                    .containsEntry(WorkStatus.READY, 0L).containsEntry(WorkStatus.LEASED, 0L);

            // Procore, seen through the sandbox's own inspection API: exactly one object per bill
            List<BillWorld.ProcoreObject> objects = world.procoreObjects();
            Map<String, Integer> perOrigin = world.objectsPerOrigin();
            Set<String> expectedOrigins = world.bills.stream().map(bill -> world.originOf(bill.id()))
                    .collect(Collectors.toSet());
            assertThat(objects).hasSize(BILLS);
            assertThat(perOrigin.keySet()).containsExactlyInAnyOrderElementsOf(expectedOrigins);
            assertThat(perOrigin.values()).allSatisfy(n -> assertThat(n).isOne());
            assertThat(objects.stream().filter(o -> o.kind().equals("requisition")).map(BillWorld.ProcoreObject::originId))
                    .containsExactlyInAnyOrderElementsOf(world.requisitionBills.stream().map(world::originOf).toList());

            // every bill's ledger entry is POSTED and names that object
            Map<String, BillWorld.ProcoreObject> byOrigin = objects.stream()
                    .collect(Collectors.toMap(BillWorld.ProcoreObject::originId, Function.identity()));
            Map<String, LedgerEntry> ledger = shared.billLedger();
            assertThat(ledger).hasSize(BILLS);
            for (Bill bill : world.bills) {
                LedgerEntry e = ledger.get(SharedState.BILL_KEY_PREFIX + bill.id());
                BillWorld.ProcoreObject target = byOrigin.get(world.originOf(bill.id()));
                assertThat(e).as("ledger of bill %s", bill.id()).isNotNull();
                assertThat(e.state()).as("bill %s", bill.id()).isEqualTo(LedgerState.POSTED);
                assertThat(e.targetId()).as("bill %s", bill.id()).isEqualTo(Long.toString(target.id()));
                assertThat(e.targetKind()).isEqualTo(target.kind().equals("requisition") ? "REQUISITION" : "DIRECT_COST");
                assertThat(target.total()).as("amount in Procore of bill %s", bill.id()).isEqualByComparingTo(bill.amount());
            }

            // both nodes did the work; each object was created once; our own direct costs did not come back
            Map<String, Long> postedByNode = ledger.values().stream()
                    .collect(Collectors.groupingBy(SharedState::postedBy, TreeMap::new, Collectors.counting()));
            assertThat(postedByNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
            Map<String, Long> audit = shared.auditOutcomes();
            assertThat(audit.get("POSTED")).isEqualTo(BILLS);
            assertThat(audit).doesNotContainKeys("FAILED_PERMANENT", "OUTCOME_UNCERTAIN");
            assertThat(world.fb.expenses()).isEmpty();

            // poll leadership: of two nodes polling at the same moment, exactly one walked the bills
            assertThat(pollPairs).isNotEmpty().allSatisfy(pair -> assertThat(
                    pair[0].stream("freshbooks.BILLS").notLeader()).isNotEqualTo(
                    pair[1].stream("freshbooks.BILLS").notLeader()));

            LOG.info("FIGURES two nodes, {} bills: {} Procore objects ({} distinct origin ids, {} duplicates), "
                            + "webhooks to both {}, to neither {}, intake {}; work items {}; posted by node {}; audit {}; "
                            + "delivery {} ms, settled after {} ms",
                    BILLS, objects.size(), perOrigin.size(), objects.size() - perOrigin.size(), toBoth, toNeither,
                    intake, items, postedByNode, new TreeMap<>(audit), (delivered - started) / 1_000_000,
                    (settled - started) / 1_000_000);
        }
    }
}

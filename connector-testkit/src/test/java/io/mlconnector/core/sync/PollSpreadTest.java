package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.PollEvent;
import io.mlconnector.core.observe.PollOutcome;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.webhook.HmacSha256Verifier;
import io.mlconnector.core.webhook.SharedSecretHeaderVerifier;
import io.mlconnector.core.webhook.SignatureEncoding;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import io.mlconnector.testkit.time.VirtualTimeScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: many connections' polls are spread over the poll interval (no herd at its start), every stream is still
 * polled once per interval, and two nodes share the poll leadership. Virtual time: the engine's clock is moved by the
 * scheduler to each task's due time, so the poll instants are exact and the test waits for nothing.
 */
class PollSpreadTest {
    private static final int CONNECTIONS = 200;
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private final MutableClock clock = MutableClock.at("2024-05-15T12:00:07.123Z");
    private final SyncStateStore state = new InMemorySyncStateStore();
    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock::instant, clock::set);
    private final InMemoryConnectionProvider provider = new InMemoryConnectionProvider();
    private final InMemoryMappingStore mappings = new InMemoryMappingStore();
    private final SyncPolicy policy = SyncPolicy.builder().pollInterval(INTERVAL)
            .workerInterval(Duration.ofMinutes(1)).build();

    /** A poll led by a node: which node, which stream, when. */
    private record Poll(String node, String stream, Instant at) {
    }

    private final List<Poll> polls = new ArrayList<>();

    PollSpreadTest() {
        for (int i = 0; i < CONNECTIONS; i++) {
            String id = String.format("contractor-%03d", i);
            InMemoryProjectSystem projects = new InMemoryProjectSystem(1000 + i, clock);
            long job = projects.addProject("Job " + i).projectId();
            mappings.put(Mapping.confirmed(id, MappingKind.PROJECT, "1", Long.toString(job)));
            provider.add(Connection.builder().id(id)
                    .accounting(new InMemoryAccountingSystem("ACC" + i, clock))
                    .projects(projects)
                    .accountingVerifier(HmacSha256Verifier.builder().headerName("X-FreshBooks-Hmac-SHA256")
                            .secret("s" + i).encoding(SignatureEncoding.BASE64).build())
                    .projectVerifier(SharedSecretHeaderVerifier.builder().headerName("Authorization")
                            .prefix("Bearer ").secret("p" + i).build())
                    .policy(policy).build());
        }
    }

    private SyncEngine engine(String node) {
        return SyncEngine.builder().stateStore(state).mappingStore(mappings)
                .auditSink(new InMemoryAuditLog()).clock(clock).nodeId(node).defaultPolicy(policy)
                .freshBooksWebhookParser(TestWebhookParsers.freshBooks())
                .procoreWebhookParser(TestWebhookParsers.procore()).connections(provider)
                .listener(new ConnectorListener() {
                    @Override
                    public void onPoll(PollEvent e) {
                        if (e.outcome() != PollOutcome.NOT_LEADER) {
                            polls.add(new Poll(node, e.connectionId() + " " + e.stream(), clock.instant()));
                        }
                    }
                }).build();
    }

    private int streams() {
        return CONNECTIONS * SyncPolicy.ALL_STREAMS.size();
    }

    @Test
    void pollsOfManyConnections_spreadOverTheInterval_andEveryStreamPollsOncePerInterval() {
        SyncEngine engine = engine("node-a");
        Instant start = clock.instant();
        engine.start(scheduler);
        scheduler.advance(INTERVAL.multipliedBy(3));
        engine.stop();

        for (int k = 0; k < 3; k++) {
            Instant from = start.plus(INTERVAL.multipliedBy(k));
            Instant to = from.plus(INTERVAL);
            Map<String, Integer> perStream = new HashMap<>();
            int[] buckets = new int[10];
            for (Poll p : polls) {
                if (!p.at().isBefore(from) && p.at().isBefore(to)) {
                    perStream.merge(p.stream(), 1, Integer::sum);
                    buckets[(int) (Duration.between(from, p.at()).toMillis() / INTERVAL.dividedBy(10).toMillis())]++;
                }
            }
            assertThat(perStream).as("interval %d: every stream of every connection polled", k).hasSize(streams());
            assertThat(perStream.values()).as("interval %d: once each", k).containsOnly(1);
            int expected = streams() / 10;
            for (int b = 0; b < 10; b++) {
                assertThat(buckets[b]).as("interval %d, tenth %d of %d polls", k, b, streams())
                        .isBetween(expected * 7 / 10, expected * 13 / 10);
            }
        }
    }

    @Test
    void aStreamKeepsItsSlot_acrossARestart() {
        SyncEngine engine = engine("node-a");
        engine.start(scheduler);
        scheduler.advance(INTERVAL);
        engine.stop();
        Map<String, Long> slot = new HashMap<>();
        polls.forEach(p -> slot.put(p.stream(), p.at().toEpochMilli() % INTERVAL.toMillis()));
        polls.clear();

        scheduler.advance(Duration.ofMinutes(3).plusSeconds(17));
        SyncEngine again = engine("node-a");
        again.start(scheduler);
        scheduler.advance(INTERVAL);
        again.stop();

        assertThat(polls).hasSize(streams());
        polls.forEach(p -> assertThat(p.at().toEpochMilli() % INTERVAL.toMillis()).as(p.stream())
                .isEqualTo(slot.get(p.stream())));
    }

    @Test
    void twoNodesOnOneStore_shareThePollLeadership_andEachStreamIsPolledOncePerInterval() {
        SyncEngine a = engine("node-a");
        SyncEngine b = engine("node-b");
        Instant start = clock.instant();
        a.start(scheduler);
        b.start(scheduler);
        scheduler.advance(INTERVAL.multipliedBy(3));
        a.stop();
        b.stop();

        Instant from = start.plus(INTERVAL);
        List<Poll> second = polls.stream().filter(p -> !p.at().isBefore(from)
                && p.at().isBefore(from.plus(INTERVAL))).toList();
        Map<String, Integer> perStream = new HashMap<>();
        second.forEach(p -> perStream.merge(p.stream(), 1, Integer::sum));
        assertThat(perStream).hasSize(streams());
        assertThat(perStream.values()).as("one leader per stream and interval").containsOnly(1);
        long byA = second.stream().filter(p -> p.node().equals("node-a")).count();
        assertThat(byA).as("node-a leads %d of %d streams", byA, streams())
                .isBetween(streams() * 35L / 100, streams() * 65L / 100);
    }
}

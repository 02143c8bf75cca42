package io.mlconnector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditLog;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.AuditQuery;
import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.Direction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every readable audit sink ({@link AuditLog}) must show, on top of {@link AuditSinkContract}.
 * Extend it and implement {@link #newLog()} to return a fresh, empty log that can hold at least 1,000 events.
 * Events are recorded in time order, as the engine records them; instants are whole seconds.
 *
 * <p>To check your own implementation, add connector-testkit as a test dependency, extend this class in your test
 * sources and return a fresh instance from {@link #newLog()}; JUnit 5 runs every inherited test against it:
 * <pre>
 * class MyAuditLogTest extends AuditLogContract {
 *     &#64;Override
 *     protected AuditLog newLog() {
 *         return new MyAuditLog(...);   // yours: fresh and empty for every test
 *     }
 * }
 * </pre>
 * A failing test names the rule your implementation breaks; the tests are independent of each other and of their
 * order. Do not override {@link #newSink()}: the sink tests run on the log
 * {@link #newLog()} returns.
 */
public abstract class AuditLogContract extends AuditSinkContract {
    /** The connection most tests record events for. */
    protected static final String CONN = "conn-a";
    /** A second connection, to check that queries for one connection do not return the other's events. */
    protected static final String OTHER_CONN = "conn-b";

    /** For subclasses: the suite holds no state until a test creates the log. */
    protected AuditLogContract() {
    }

    /** The log under test. */
    protected AuditLog log;

    /**
     * Creates the log under test; called before every test.
     *
     * @return a fresh, empty log that no other test uses
     * @throws Exception when the log cannot be created (the test then fails)
     */
    protected abstract AuditLog newLog() throws Exception;

    /**
     * The sink tests of {@link AuditSinkContract} run on the log under test.
     *
     * @return the log {@link #newLog()} created, also kept in {@link #log}
     * @throws Exception when {@link #newLog()} throws
     */
    @Override
    protected final AuditSink newSink() throws Exception {
        log = newLog();
        return log;
    }

    private static AuditEvent event(int second, String conn, String source, AuditOutcome outcome) {
        return new AuditEvent(T0.plusSeconds(second), conn, Direction.ACCOUNTING_TO_PROJECT, source,
                source == null ? null : "procore:requisition:" + second, outcome, "reason " + second, Map.of());
    }

    @Test
    void emptyLog_findsNothing() {
        assertThat(log.find(AuditQuery.forConnection(CONN))).isEmpty();
        assertThat(log.find(new AuditQuery(null, null, Set.of(), null, 0))).isEmpty();
    }

    @Test
    void record_thenFind_returnsEveryField() {
        AuditEvent e = new AuditEvent(T0, CONN, Direction.PROJECT_TO_ACCOUNTING, "procore:change_order:5",
                "freshbooks:expense:77", AuditOutcome.POSTED, "posted change order 5",
                Map.of("amount", "1250.00", "currency", "USD"));
        log.record(e);

        List<AuditEvent> found = log.find(AuditQuery.forConnection(CONN));
        assertThat(found).hasSize(1);
        AuditEvent f = found.get(0);
        assertThat(f.time()).isEqualTo(T0);
        assertThat(f.connectionId()).isEqualTo(CONN);
        assertThat(f.direction()).isEqualTo(Direction.PROJECT_TO_ACCOUNTING);
        assertThat(f.sourceRef()).isEqualTo("procore:change_order:5");
        assertThat(f.targetRef()).isEqualTo("freshbooks:expense:77");
        assertThat(f.outcome()).isEqualTo(AuditOutcome.POSTED);
        assertThat(f.reason()).isEqualTo("posted change order 5");
        assertThat(f.details()).containsExactlyInAnyOrderEntriesOf(Map.of("amount", "1250.00", "currency", "USD"));
    }

    @Test
    void eventsWithoutConnectionOrRefs_areKept() {
        log.record(new AuditEvent(T0, null, Direction.INTAKE, null, null, AuditOutcome.WEBHOOK_REJECTED,
                "bad signature", Map.of()));

        List<AuditEvent> all = log.find(new AuditQuery(null, null, Set.of(), null, 0));
        assertThat(all).hasSize(1);
        assertThat(all.get(0).connectionId()).isNull();
        assertThat(all.get(0).sourceRef()).isNull();
        assertThat(all.get(0).targetRef()).isNull();
        assertThat(all.get(0).outcome()).isEqualTo(AuditOutcome.WEBHOOK_REJECTED);
        assertThat(log.find(AuditQuery.forConnection(CONN))).isEmpty();
    }

    @Test
    void find_returnsOldestFirst() {
        for (int i = 0; i < 5; i++) {
            log.record(event(i, CONN, "fb:bill:" + i, AuditOutcome.POSTED));
        }

        assertThat(log.find(AuditQuery.forConnection(CONN))).extracting(AuditEvent::sourceRef)
                .containsExactly("fb:bill:0", "fb:bill:1", "fb:bill:2", "fb:bill:3", "fb:bill:4");
    }

    @Test
    void find_filtersByConnection() {
        log.record(event(0, CONN, "fb:bill:1", AuditOutcome.POSTED));
        log.record(event(1, OTHER_CONN, "fb:bill:2", AuditOutcome.POSTED));

        assertThat(log.find(AuditQuery.forConnection(OTHER_CONN))).extracting(AuditEvent::sourceRef)
                .containsExactly("fb:bill:2");
        assertThat(log.find(new AuditQuery(null, null, Set.of(), null, 0))).hasSize(2);
    }

    @Test
    void find_filtersBySourceRef() {
        log.record(event(0, CONN, "fb:bill:1", AuditOutcome.FLAGGED_UNMAPPED_VENDOR));
        log.record(event(1, CONN, "fb:bill:2", AuditOutcome.POSTED));
        log.record(event(2, CONN, "fb:bill:1", AuditOutcome.POSTED));

        assertThat(log.find(new AuditQuery(CONN, "fb:bill:1", Set.of(), null, 0))).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.FLAGGED_UNMAPPED_VENDOR, AuditOutcome.POSTED);
    }

    @Test
    void find_filtersByOutcomes() {
        log.record(event(0, CONN, "fb:bill:1", AuditOutcome.POSTED));
        log.record(event(1, CONN, "fb:bill:2", AuditOutcome.FLAGGED_UNMAPPED_PROJECT));
        log.record(event(2, CONN, "fb:bill:3", AuditOutcome.SKIPPED_DUPLICATE));
        log.record(event(3, CONN, "fb:bill:4", AuditOutcome.FLAGGED_UNMAPPED_GL_ACCOUNT));

        AuditQuery flags = new AuditQuery(CONN, null,
                Set.of(AuditOutcome.FLAGGED_UNMAPPED_PROJECT, AuditOutcome.FLAGGED_UNMAPPED_GL_ACCOUNT), null, 0);
        assertThat(log.find(flags)).extracting(AuditEvent::sourceRef).containsExactly("fb:bill:2", "fb:bill:4");
    }

    @Test
    void find_sinceIsInclusive() {
        log.record(event(0, CONN, "fb:bill:0", AuditOutcome.POSTED));
        log.record(event(10, CONN, "fb:bill:10", AuditOutcome.POSTED));
        log.record(event(20, CONN, "fb:bill:20", AuditOutcome.POSTED));

        assertThat(log.find(new AuditQuery(CONN, null, Set.of(), T0.plusSeconds(10), 0)))
                .extracting(AuditEvent::sourceRef).containsExactly("fb:bill:10", "fb:bill:20");
    }

    @Test
    void find_limitKeepsTheNewest_stillOldestFirst() {
        for (int i = 0; i < 10; i++) {
            log.record(event(i, CONN, "fb:bill:" + i, AuditOutcome.POSTED));
        }

        assertThat(log.find(new AuditQuery(CONN, null, Set.of(), null, 3))).extracting(AuditEvent::sourceRef)
                .containsExactly("fb:bill:7", "fb:bill:8", "fb:bill:9");
    }

    @Test
    void find_combinesEveryFilter() {
        log.record(event(0, CONN, "fb:bill:1", AuditOutcome.POSTED));
        log.record(event(1, CONN, "fb:bill:1", AuditOutcome.UPDATED));
        log.record(event(2, OTHER_CONN, "fb:bill:1", AuditOutcome.UPDATED));
        log.record(event(3, CONN, "fb:bill:2", AuditOutcome.UPDATED));
        log.record(event(4, CONN, "fb:bill:1", AuditOutcome.UPDATED));
        log.record(event(5, CONN, "fb:bill:1", AuditOutcome.UPDATED));

        AuditQuery q = new AuditQuery(CONN, "fb:bill:1", Set.of(AuditOutcome.UPDATED), T0.plusSeconds(1), 2);
        assertThat(log.find(q)).extracting(e -> e.time().getEpochSecond() - T0.getEpochSecond())
                .containsExactly(4L, 5L);
    }

    @Test
    void concurrentRecords_areAllKept() {
        int threads = 8;
        int perThread = 50;
        Race.run(threads, t -> () -> {
            for (int i = 0; i < perThread; i++) {
                log.record(event(i, CONN, "fb:bill:" + t + "-" + i, AuditOutcome.POSTED));
            }
            return null;
        });

        List<AuditEvent> all = log.find(AuditQuery.forConnection(CONN));
        assertThat(all).hasSize(threads * perThread);
        assertThat(all).extracting(AuditEvent::sourceRef).doesNotHaveDuplicates();
    }
}

package io.mlconnector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.AuditQuery;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.state.Cursor;
import io.mlconnector.core.state.EnqueueResult;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.jdbc.testing.ManualCommitDataSource;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Behaviour beyond the SPI contracts that every database must show: exact instants, clear limits, pool modes. */
abstract class JdbcStoreEdgeCasesTestBase {
    private static final Instant PRECISE = Instant.parse("2025-03-01T10:00:00.123456789Z");
    private final TestDatabase db;

    JdbcStoreEdgeCasesTestBase(TestDatabase db) {
        this.db = db;
    }

    private JdbcSyncStateStore state(DataSource ds) {
        return JdbcSyncStateStore.builder().dataSource(ds).tablePrefix(db.tablePrefix()).build();
    }

    private JdbcMappingStore mappings(DataSource ds) {
        return JdbcMappingStore.builder().dataSource(ds).tablePrefix(db.tablePrefix()).build();
    }

    @Test
    void instants_roundTripToTheNanosecond() {
        JdbcSyncStateStore store = state(db.dataSource());
        store.saveCursor(new Cursor("conn-a", "freshbooks.BILLS", PRECISE, PRECISE.plusNanos(1)));
        store.enqueue(WorkItem.ready("w1", "conn-a", "k", "t", null, PRECISE));
        WorkItem claimed = store.claim("node-1", 1, Duration.ofNanos(7), PRECISE).get(0);

        Cursor c = store.cursor("conn-a", "freshbooks.BILLS").orElseThrow();
        assertThat(c.position()).isEqualTo(PRECISE);
        assertThat(c.updatedAt()).isEqualTo(PRECISE.plusNanos(1));
        assertThat(claimed.leaseUntil()).isEqualTo(PRECISE.plusNanos(7));
        assertThat(store.item("w1").orElseThrow().leaseUntil()).isEqualTo(PRECISE.plusNanos(7));
        assertThat(store.item("w1").orElseThrow().payload()).isNull();
    }

    @Test
    void enqueueAll_withAnOverlongKey_isRefusedWhole_andNothingIsWritten() {
        JdbcSyncStateStore store = state(db.dataSource());
        List<WorkItem> list = List.of(WorkItem.ready("w1", "conn-a", "k1", "t", "", PRECISE),
                WorkItem.ready("w2", "conn-a", "x".repeat(401), "t", "", PRECISE));

        assertThatThrownBy(() -> store.enqueueAll(list)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dedupeKey");

        assertThat(store.item("w1")).isEmpty();
        assertThat(store.count(WorkStatus.READY)).isZero();
    }

    @Test
    void enqueueAll_whoseCommitFails_leavesNoItem() {
        DataSource failingCommit = commitFails(db.dataSource());
        JdbcSyncStateStore store = state(failingCommit);
        List<WorkItem> list = List.of(WorkItem.ready("w1", "conn-a", "k1", "t", "", PRECISE),
                WorkItem.ready("w2", "conn-a", "k2", "t", "", PRECISE),
                WorkItem.ready("w3", "conn-a", "k3", "t", "", PRECISE));

        assertThatThrownBy(() -> store.enqueueAll(list)).isInstanceOf(JdbcStoreException.class);

        JdbcSyncStateStore reader = state(db.dataSource());
        assertThat(reader.item("w1")).isEmpty();
        assertThat(reader.item("w3")).isEmpty();
        assertThat(reader.count(WorkStatus.READY)).isZero();
        assertThat(reader.enqueueAll(list)).containsOnly(EnqueueResult.ADDED); // the redelivery is queued
    }

    /** Connections of {@code ds} whose {@code commit()} fails as a lost connection would (and roll back instead). */
    private static DataSource commitFails(DataSource ds) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object out = invoke(ds, method, args);
                    if (!"getConnection".equals(method.getName())) {
                        return out;
                    }
                    Connection real = (Connection) out;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if ("commit".equals(m.getName())) {
                                    real.rollback();
                                    throw new SQLException("commit failed: connection lost", "08006");
                                }
                                return invoke(real, m, a);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void overlongKeys_areRejectedWithTheFieldName_andNothingIsWritten() {
        JdbcSyncStateStore store = state(db.dataSource());
        JdbcMappingStore mapping = mappings(db.dataSource());
        String tooLong = "x".repeat(401);

        assertThatThrownBy(() -> store.enqueue(WorkItem.ready("w1", "conn-a", tooLong, "t", "", PRECISE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dedupeKey")
                .hasMessageContaining("401");
        assertThatThrownBy(() -> store.ledgerPut(new LedgerEntry("conn-a", tooLong, null, null, null,
                LedgerState.PENDING, null, Map.of(), PRECISE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceKey");
        assertThatThrownBy(() -> mapping.put(Mapping.confirmed("c".repeat(129), MappingKind.VENDOR, "1", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionId");
        assertThatThrownBy(() -> store.claim("o".repeat(201), 1, Duration.ofSeconds(1), PRECISE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");

        assertThat(store.count(WorkStatus.READY)).isZero();
        assertThat(store.ledgerEntries("conn-a")).isEmpty();
        assertThat(mapping.list("c".repeat(129), MappingKind.VENDOR)).isEmpty();
    }

    @Test
    void instantsOutsideTheStorableRange_areRejectedBeforeWriting() {
        JdbcSyncStateStore store = state(db.dataSource());

        assertThatThrownBy(() -> store.saveCursor(new Cursor("conn-a", "s", Instant.MAX, PRECISE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2262");
        assertThat(store.cursor("conn-a", "s")).isEmpty();
    }

    @Test
    void purgeDone_deletesOnlyFinishedItemsEnqueuedBeforeTheCutoff() {
        JdbcSyncStateStore store = state(db.dataSource());
        Instant t0 = Instant.parse("2025-03-01T10:00:00Z");
        store.enqueue(WorkItem.ready("old-done", "conn-a", "k1", "t", "", t0));
        store.enqueue(WorkItem.ready("old-dead", "conn-a", "k2", "t", "", t0));
        store.enqueue(WorkItem.ready("old-parked", "conn-a", "k3", "t", "", t0));
        store.enqueue(WorkItem.ready("old-ready", "conn-a", "k4", "t", "", t0.plusSeconds(3600)));
        store.claim("node-1", 3, Duration.ofSeconds(30), t0);
        store.complete("old-done", "node-1");
        store.deadLetter("old-dead", "node-1", "boom");
        store.park("old-parked", "node-1", "unmapped");
        store.enqueue(WorkItem.ready("new-done", "conn-a", "k1", "t", "", t0.plusSeconds(120)));
        store.claim("node-1", 1, Duration.ofSeconds(30), t0.plusSeconds(120));
        store.complete("new-done", "node-1");

        assertThat(store.purgeDone(t0.plusSeconds(60))).isEqualTo(1);

        assertThat(store.item("old-done")).isEmpty();
        assertThat(store.item("new-done")).isPresent();
        assertThat(store.item("old-dead")).isPresent();
        assertThat(store.item("old-parked")).isPresent();
        assertThat(store.item("old-ready")).isPresent();
    }

    @Test
    void auditRetention_deletesOnlyOlderEvents() {
        JdbcAuditLog log = JdbcAuditLog.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
        Instant t0 = Instant.parse("2025-03-01T10:00:00Z");
        for (int i = 0; i < 4; i++) {
            log.record(new AuditEvent(t0.plusSeconds(i), "conn-a", Direction.INTAKE, "ref-" + i, null,
                    AuditOutcome.WEBHOOK_ACCEPTED, null, Map.of()));
        }

        assertThat(log.deleteOlderThan(t0.plusSeconds(2))).isEqualTo(2);

        assertThat(log.find(AuditQuery.forConnection("conn-a"))).extracting(AuditEvent::sourceRef)
                .containsExactly("ref-2", "ref-3");
    }

    @Test
    void connectionsHandedOutWithAutoCommitOff_stillCommitEveryWrite() {
        DataSource manual = new ManualCommitDataSource(db.dataSource());
        JdbcSyncStateStore writer = state(manual);
        JdbcMappingStore mappingWriter = mappings(manual);
        JdbcCredentialStore credentialWriter = JdbcCredentialStore.builder().dataSource(manual)
                .tablePrefix(db.tablePrefix()).build();

        writer.enqueue(WorkItem.ready("w1", "conn-a", "k", "t", "", PRECISE));
        writer.claim("node-1", 1, Duration.ofSeconds(30), PRECISE);
        writer.complete("w1", "node-1");
        assertThat(writer.tryAcquireLease("poll", "node-1", Duration.ofSeconds(30), PRECISE)).isTrue();
        mappingWriter.put(new Mapping("conn-a", MappingKind.VENDOR, "42", "9001", Map.of(), MappingStatus.CONFIRMED,
                null, PRECISE));
        credentialWriter.compareAndSet(new CredentialKey("conn-a", "k"), 0, "x".getBytes(StandardCharsets.UTF_8));

        JdbcSyncStateStore reader = state(db.dataSource());
        assertThat(reader.item("w1").orElseThrow().status()).isEqualTo(WorkStatus.DONE);
        assertThat(reader.tryAcquireLease("poll", "node-2", Duration.ofSeconds(30), PRECISE)).isFalse();
        assertThat(mappings(db.dataSource()).find("conn-a", MappingKind.VENDOR, "42")).isPresent();
        assertThat(JdbcCredentialStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build()
                .load(new CredentialKey("conn-a", "k")).orElseThrow().version()).isEqualTo(1);
    }
}

package io.mlconnector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testkit.contract.Race;
import io.mlconnector.core.state.LeaseLostException;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several nodes — separate {@link JdbcSyncStateStore} instances, each with its own connections — sharing one
 * database: every item is claimed exactly once, a dead node's leases expire and another node takes its items, poll
 * leadership moves on when the leader stops renewing, and the database itself refuses a second pending item with
 * the same dedupe key.
 */
abstract class JdbcSyncStateStoreNodesTestBase {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    final TestDatabase db;

    JdbcSyncStateStoreNodesTestBase(TestDatabase db) {
        this.db = db;
    }

    JdbcSyncStateStore node() {
        return JdbcSyncStateStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }

    static WorkItem item(int i) {
        return WorkItem.ready(String.format("item-%04d", i), "conn-a", "freshbooks:bill:" + i + ":create",
                "freshbooks.bill", "{\"id\":" + i + "}", T0.plusMillis(i));
    }

    @Test
    void nodesClaimingTogether_processEveryItemExactlyOnce() {
        int items = 300;
        JdbcSyncStateStore producer = node();
        for (int i = 0; i < items; i++) {
            assertThat(producer.enqueue(item(i))).isTrue();
        }
        int nodes = 6;
        Instant now = T0.plusSeconds(1);

        List<List<String>> done = Race.run(nodes, n -> () -> {
            JdbcSyncStateStore store = node();
            String owner = "node-" + n;
            List<String> mine = new ArrayList<>();
            for (List<WorkItem> batch = store.claim(owner, 5, LEASE, now); !batch.isEmpty();
                 batch = store.claim(owner, 5, LEASE, now)) {
                for (WorkItem w : batch) {
                    assertThat(w.leaseOwner()).isEqualTo(owner);
                    store.complete(w.id(), owner);
                    mine.add(w.id());
                }
            }
            return mine;
        });

        List<String> all = new ArrayList<>();
        done.forEach(all::addAll);
        assertThat(all).hasSize(items).doesNotHaveDuplicates();
        assertThat(producer.count(WorkStatus.DONE)).isEqualTo(items);
        assertThat(producer.count(WorkStatus.READY) + producer.count(WorkStatus.LEASED)).isZero();
    }

    @Test
    void deadNodesLease_expires_andAnotherNodeTakesTheItemOver() {
        JdbcSyncStateStore dead = node();
        JdbcSyncStateStore survivor = node();
        dead.enqueue(item(1));
        dead.enqueue(item(2));
        Instant claimedAt = T0.plusSeconds(1);
        assertThat(dead.claim("node-dead", 10, LEASE, claimedAt)).hasSize(2);
        // node-dead stops here: it never settles its items

        assertThat(survivor.claim("node-live", 10, LEASE, claimedAt.plus(LEASE).minusMillis(1))).isEmpty();
        List<WorkItem> reclaimed = survivor.claim("node-live", 10, LEASE, claimedAt.plus(LEASE));

        assertThat(reclaimed).extracting(WorkItem::id).containsExactly("item-0001", "item-0002");
        assertThat(reclaimed).allSatisfy(w -> {
            assertThat(w.leaseOwner()).isEqualTo("node-live");
            assertThat(w.leaseUntil()).isEqualTo(claimedAt.plus(LEASE).plus(LEASE));
            assertThat(w.attempts()).isZero();
        });
        assertThatThrownBy(() -> dead.complete("item-0001", "node-dead")).isInstanceOf(LeaseLostException.class);
        survivor.complete("item-0001", "node-live");
        survivor.retryAt("item-0002", "node-live", T0.plusSeconds(300), "HTTP 503");
        assertThat(dead.item("item-0001").orElseThrow().status()).isEqualTo(WorkStatus.DONE);
        assertThat(dead.item("item-0002").orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void pollLeadership_staysWithARenewingLeader_andMovesWhenItStops() {
        JdbcSyncStateStore a = node();
        JdbcSyncStateStore b = node();
        String lease = "poll:conn-a:freshbooks.BILLS";
        Duration ttl = Duration.ofSeconds(60);

        assertThat(a.tryAcquireLease(lease, "node-a", ttl, T0)).isTrue();
        assertThat(b.tryAcquireLease(lease, "node-b", ttl, T0.plusSeconds(10))).isFalse();
        assertThat(a.tryAcquireLease(lease, "node-a", ttl, T0.plusSeconds(30))).isTrue(); // renewed to T0+90
        assertThat(b.tryAcquireLease(lease, "node-b", ttl, T0.plusSeconds(89))).isFalse();
        // node-a stops renewing
        assertThat(b.tryAcquireLease(lease, "node-b", ttl, T0.plusSeconds(90))).isTrue();
        assertThat(a.tryAcquireLease(lease, "node-a", ttl, T0.plusSeconds(91))).isFalse();
    }

    @Test
    void theDatabaseRefusesASecondPendingItemWithTheSameDedupeKey() throws SQLException {
        String table = db.tablePrefix() + "work_item";
        String insert = "INSERT INTO " + table + " (id, connection_id, dedupe_key, item_type, status, attempts,"
                + " available_at_ns, created_at_ns) VALUES (?, 'conn-a', 'same-key', 't', ?, 0, 0, 0)";
        try (Connection c = db.dataSource().getConnection()) {
            rawInsert(c, insert, "first", "READY");

            assertThatThrownBy(() -> rawInsert(c, insert, "second", "PARKED"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));

            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + table + " SET status = 'DONE' WHERE id = 'first'");
            }
            rawInsert(c, insert, "third", "READY");
            rawInsert(c, insert, "fourth", "DEAD");
        }
        assertThat(node().items("conn-a", WorkStatus.READY)).extracting(WorkItem::id).containsExactly("third");
    }

    private static void rawInsert(Connection c, String sql, String id, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, status);
            ps.executeUpdate();
        }
    }
}

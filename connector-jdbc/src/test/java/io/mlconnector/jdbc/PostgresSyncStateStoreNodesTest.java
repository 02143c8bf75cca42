package io.mlconnector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several {@link JdbcSyncStateStore} nodes on PostgreSQL (claims with {@code FOR UPDATE SKIP LOCKED}). */
@PostgresDatabase
class PostgresSyncStateStoreNodesTest extends JdbcSyncStateStoreNodesTestBase {
    PostgresSyncStateStoreNodesTest(TestDatabase db) {
        super(db);
    }

    @Test
    void queueIndexes_coverClaims_andTheDedupeIndexIsPartial() throws SQLException {
        Map<String, String> indexes = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ?")) {
            ps.setString(1, db.tablePrefix() + "work_item");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
        }

        assertThat(indexes.get("mlc_work_item_ready")).contains("(status, available_at_ns)");
        assertThat(indexes.get("mlc_work_item_pending_dedupe"))
                .startsWith("CREATE UNIQUE INDEX")
                .contains("(connection_id, dedupe_key)")
                .contains("WHERE")
                .contains("'READY'").contains("'LEASED'").contains("'PARKED'")
                .doesNotContain("'DONE'").doesNotContain("'DEAD'");
    }
}

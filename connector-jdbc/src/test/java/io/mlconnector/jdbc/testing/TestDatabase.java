package io.mlconnector.jdbc.testing;

import io.mlconnector.jdbc.JdbcDialect;
import io.mlconnector.jdbc.JdbcSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A migrated database for one test class (PostgreSQL or H2), emptied before each of its tests. Stores built over
 * {@link #dataSource()} with {@link #tablePrefix()} see only that test's data; several stores over it act as
 * several nodes sharing one database.
 */
public final class TestDatabase implements AutoCloseable {
    /** Every table the stores write (not the schema history). */
    public static final List<String> STORE_TABLES = List.of("mapping", "unmapped", "audit_event", "credential",
            "ledger", "sync_cursor", "work_item", "named_lease", "reconciliation_report");
    /** The prefix the class database is migrated with. */
    public static final String PREFIX = "mlc_";

    private final JdbcDialect dialect;
    private final DataSource dataSource;
    private final Runnable onClose;

    TestDatabase(JdbcDialect dialect, DataSource dataSource, Runnable onClose) {
        this.dialect = Objects.requireNonNull(dialect);
        this.dataSource = Objects.requireNonNull(dataSource);
        this.onClose = Objects.requireNonNull(onClose);
        JdbcSchema.builder().dataSource(dataSource).tablePrefix(PREFIX).build().migrate();
    }

    public JdbcDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String tablePrefix() {
        return PREFIX;
    }

    /** Deletes every row the stores wrote. */
    public void clear() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : STORE_TABLES) {
                s.execute("DELETE FROM " + PREFIX + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the test database", e);
        }
    }

    /** Fails when a store gave a pooled connection back with auto-commit off (an unfinished transaction). */
    public void assertConnectionsCameBackClean() {
        if (dataSource instanceof StrictPool pool && pool.violation() != null) {
            throw new AssertionError(pool.violation());
        }
    }

    @Override
    public void close() {
        onClose.run();
    }
}

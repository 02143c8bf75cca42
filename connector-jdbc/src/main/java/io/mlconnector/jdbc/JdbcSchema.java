package io.mlconnector.jdbc;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.jdbc.internal.JdbcAccess;
import io.mlconnector.jdbc.internal.MigrationScript;
import io.mlconnector.jdbc.internal.SqlParams;
import io.mlconnector.jdbc.internal.TablePrefix;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the JDBC stores' tables by applying the versioned SQL scripts shipped in this jar
 * ({@code io/mlconnector/jdbc/migration/<dialect>/V<n>__<name>.sql}, with {@code ${prefix}} standing for the table
 * prefix). Applied versions are recorded in {@code <prefix>schema_history}; {@link #migrate()} is idempotent and safe
 * when several nodes call it at once (PostgreSQL: a session advisory lock, one transaction per version; H2: a row
 * lock on {@code <prefix>schema_lock}). Hosts may instead run the scripts themselves (replacing {@code ${prefix}}):
 * the stores never read the history table. Tables are created unqualified, in the connection's current schema
 * (PostgreSQL: the first schema on the {@code search_path}). On PostgreSQL a failing version is rolled back whole; H2
 * commits each DDL statement, so there a failure can leave a version half applied (and unrecorded).
 *
 * <pre>{@code
 * JdbcSchema.builder().dataSource(ds).tablePrefix("mlc_").build().migrate();
 * }</pre>
 */
public final class JdbcSchema {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchema.class);
    /** High 32 bits of the PostgreSQL advisory-lock key ("mlcs"); the low 32 bits are a CRC of the prefix. */
    private static final long LOCK_NAMESPACE = 0x6D6C6373L << 32;
    /** H2 error code for "timeout trying to lock table". */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private final JdbcAccess db;
    private final TablePrefix prefix;
    private final Duration lockWait;
    private final String history;
    private final String lockTable;

    private JdbcSchema(Builder b) {
        this.prefix = new TablePrefix(b.tablePrefix);
        this.db = JdbcAccess.of(Objects.requireNonNull(b.dataSource, "dataSource"), prefix, b.dialect);
        this.lockWait = Objects.requireNonNull(b.lockWait, "lockWait");
        this.history = prefix.table("schema_history");
        this.lockTable = prefix.table("schema_lock");
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The table prefix in use.
     *
     * @return the table prefix in use
     */
    public String tablePrefix() {
        return prefix.value();
    }

    /**
     * The migrations shipped in this jar for {@code dialect}, oldest first.
     *
     * @param dialect the JDBC dialect
     * @return the migrations shipped in this jar for {@code dialect}, oldest first
     */
    public static List<SchemaMigration> availableMigrations(JdbcDialect dialect) {
        return MigrationScript.load(dialect).stream().map(MigrationScript::migration).toList();
    }

    /**
     * Applies every shipped migration not yet recorded in the history table, in version order, and returns those it
     * applied (empty when the schema was already current, including when another node applied them meanwhile).
     *
     * @return those it applied (empty when the schema was already current, including when another node applied them
     *     meanwhile)
     * @throws ConfigurationException when a recorded migration's checksum differs from the shipped script (a
     *                                released script was edited), or the lock could not be had within the wait
     * @throws JdbcStoreException     when a statement fails (on PostgreSQL the failing version is rolled back)
     */
    public List<SchemaMigration> migrate() {
        try (Connection c = db.dataSource().getConnection()) {
            JdbcDialect dialect = db.dialect(c);
            List<MigrationScript> scripts = MigrationScript.load(dialect);
            boolean autoCommit = c.getAutoCommit();
            try {
                return dialect == JdbcDialect.POSTGRESQL ? migratePostgres(c, scripts) : migrateH2(c, scripts);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw JdbcStoreException.of("schema migration (prefix '" + prefix.value() + "')", e);
        }
    }

    /**
     * The migrations recorded in the history table, oldest first; empty when the table does not exist yet.
     *
     * @return the migrations recorded in the history table, oldest first
     */
    public List<SchemaMigration> appliedMigrations() {
        return db.transaction("read schema history", c -> {
            if (!historyExists(c)) {
                return List.of();
            }
            return new ArrayList<>(readHistory(c).values());
        });
    }

    private List<SchemaMigration> migratePostgres(Connection c, List<MigrationScript> scripts) throws SQLException {
        c.setAutoCommit(true);
        long key = advisoryLockKey();
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
        }
        try {
            execute(c, createHistorySql());
            return applyPending(c, scripts, true);
        } finally {
            c.setAutoCommit(true);
            try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            }
        }
    }

    /*
     * H2 commits around every DDL statement, so the lock is a row lock held by a second connection's open
     * transaction while this connection runs the scripts; a node that dies drops its connection and the lock.
     */
    private List<SchemaMigration> migrateH2(Connection c, List<MigrationScript> scripts) throws SQLException {
        c.setAutoCommit(true);
        execute(c, "CREATE TABLE IF NOT EXISTS " + lockTable + " (id INTEGER NOT NULL PRIMARY KEY)");
        JdbcAccess.insertUnlessDuplicate(c, "INSERT INTO " + lockTable + " (id) VALUES (1)", SqlParams.of());
        execute(c, createHistorySql());
        try (Connection lockConnection = db.dataSource().getConnection()) {
            boolean lockAutoCommit = lockConnection.getAutoCommit();
            lockConnection.setAutoCommit(false);
            try {
                lockH2(lockConnection);
                return applyPending(c, scripts, false);
            } finally {
                lockConnection.rollback();
                lockConnection.setAutoCommit(lockAutoCommit);
            }
        }
    }

    private void lockH2(Connection lockConnection) throws SQLException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        String sql = "SELECT id FROM " + lockTable + " WHERE id = 1 FOR UPDATE";
        while (true) {
            try (Statement s = lockConnection.createStatement()) {
                s.executeQuery(sql).close();
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != H2_LOCK_TIMEOUT) {
                    throw e;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new ConfigurationException("another node held the schema lock " + lockTable
                            + " for longer than " + lockWait + "; migration not attempted", e);
                }
                LOG.debug("waiting for schema lock {}", lockTable);
            }
        }
    }

    private List<SchemaMigration> applyPending(Connection c, List<MigrationScript> scripts, boolean transactional)
            throws SQLException {
        Map<Integer, SchemaMigration> applied = readHistory(c);
        List<SchemaMigration> appliedNow = new ArrayList<>();
        for (MigrationScript script : scripts) {
            SchemaMigration m = script.migration();
            SchemaMigration recorded = applied.get(m.version());
            if (recorded != null) {
                if (!recorded.checksum().equals(m.checksum())) {
                    throw new ConfigurationException("schema migration V" + m.version() + " recorded in " + history
                            + " has checksum " + recorded.checksum() + " but the shipped script has " + m.checksum()
                            + ": a released migration was changed");
                }
                continue;
            }
            LOG.info("applying schema migration V{}__{} (prefix '{}')", m.version(), m.description(), prefix.value());
            if (transactional) {
                c.setAutoCommit(false);
            }
            try {
                for (String statement : script.statements(prefix)) {
                    execute(c, statement);
                }
                JdbcAccess.update(c, "INSERT INTO " + history + " (version, description, checksum) VALUES (?, ?, ?)",
                        SqlParams.of().integer(m.version()).text(m.description()).text(m.checksum()));
                if (transactional) {
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (transactional) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (transactional) {
                    c.setAutoCommit(true);
                }
            }
            appliedNow.add(m);
        }
        int shipped = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).migration().version();
        applied.keySet().stream().filter(v -> v > shipped).findFirst().ifPresent(v -> LOG.info(
                "schema {} has migration V{} newer than this jar knows; continuing", prefix.value(), v));
        return appliedNow;
    }

    private Map<Integer, SchemaMigration> readHistory(Connection c) throws SQLException {
        Map<Integer, SchemaMigration> out = new LinkedHashMap<>();
        for (SchemaMigration m : JdbcAccess.query(c, "SELECT version, description, checksum FROM " + history
                + " ORDER BY version", SqlParams.of(), row -> new SchemaMigration(row.getInt("version"),
                row.getString("description"), row.getString("checksum")))) {
            out.put(m.version(), m);
        }
        return out;
    }

    private boolean historyExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + history)) {
            ps.executeQuery().close();
            return true;
        } catch (SQLException e) {
            // 42P01 (PostgreSQL) / 42S02 (H2): undefined table
            if ("42P01".equals(e.getSQLState()) || "42S02".equals(e.getSQLState())) {
                c.rollback();
                return false;
            }
            throw e;
        }
    }

    private String createHistorySql() {
        return "CREATE TABLE IF NOT EXISTS " + history + " ("
                + "version INTEGER NOT NULL PRIMARY KEY, "
                + "description VARCHAR(200) NOT NULL, "
                + "checksum VARCHAR(64) NOT NULL, "
                + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)";
    }

    private long advisoryLockKey() {
        CRC32 crc = new CRC32();
        crc.update(prefix.normalized().getBytes(StandardCharsets.UTF_8));
        return LOCK_NAMESPACE | crc.getValue();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Builds a {@link JdbcSchema}. */
    public static final class Builder {
        private DataSource dataSource;
        private String tablePrefix = TablePrefix.DEFAULT;
        private JdbcDialect dialect;
        private Duration lockWait = Duration.ofMinutes(2);

        private Builder() {
        }

        /**
         * The host's data source (required).
         *
         * @param dataSource the host's data source (required)
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Table prefix (default {@code mlc_}); letters, digits and underscores, at most 30 characters.
         *
         * @param tablePrefix table prefix
         * @return this builder
         */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
            return this;
        }

        /**
         * The dialect, when it should not be detected from the database metadata.
         *
         * @param dialect the dialect, when it should not be detected from the database metadata
         * @return this builder
         */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /**
         * How long {@link #migrate()} waits for another node's migration on H2 (default 2 minutes).
         *
         * @param lockWait how long {@link #migrate()} waits for another node's migration on H2
         * @return this builder
         */
        public Builder lockWait(Duration lockWait) {
            this.lockWait = lockWait;
            return this;
        }

        /**
         * Builds the {@code JdbcSchema} from the settings given so far.
         *
         * @return the new {@code JdbcSchema}
         * @throws IllegalArgumentException for an invalid table prefix
         */
        public JdbcSchema build() {
            return new JdbcSchema(this);
        }
    }
}

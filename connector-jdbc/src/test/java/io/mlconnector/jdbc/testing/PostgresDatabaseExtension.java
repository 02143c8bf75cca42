package io.mlconnector.jdbc.testing;

import io.mlconnector.jdbc.JdbcDialect;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link TestDatabaseExtension} for a fresh database on the run's embedded PostgreSQL server, reached through a
 * {@link StrictPool} (as a host would pool connections).
 */
final class PostgresDatabaseExtension extends TestDatabaseExtension {
    @Override
    TestDatabase create(ExtensionContext classContext) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared(classContext);
        EmbeddedPostgresServer.Database db = server.createDatabase(classContext.getRequiredTestClass().getSimpleName());
        StrictPool pool = new StrictPool(db.dataSource());
        return new TestDatabase(JdbcDialect.POSTGRESQL, pool, () -> {
            try {
                pool.close();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close pooled connections", e);
            }
            server.dropDatabase(db.name());
        });
    }
}

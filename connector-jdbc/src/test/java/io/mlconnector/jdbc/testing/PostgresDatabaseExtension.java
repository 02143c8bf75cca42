package io.mlconnector.jdbc.testing;

import io.mlconnector.jdbc.JdbcDialect;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link TestDatabaseExtension} for a fresh database on the run's embedded PostgreSQL server. */
final class PostgresDatabaseExtension extends TestDatabaseExtension {
    @Override
    TestDatabase create(ExtensionContext classContext) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared(classContext);
        EmbeddedPostgresServer.Database db = server.createDatabase(classContext.getRequiredTestClass().getSimpleName());
        return new TestDatabase(JdbcDialect.POSTGRESQL, db.dataSource(), () -> server.dropDatabase(db.name()));
    }
}

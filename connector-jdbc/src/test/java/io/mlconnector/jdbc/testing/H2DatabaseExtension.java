package io.mlconnector.jdbc.testing;

import io.mlconnector.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link TestDatabaseExtension} for a fresh in-memory H2 database, reached through a {@link StrictPool}. */
final class H2DatabaseExtension extends TestDatabaseExtension {
    @Override
    TestDatabase create(ExtensionContext classContext) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + classContext.getRequiredTestClass().getSimpleName() + "-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1");
        StrictPool pool = new StrictPool(ds);
        return new TestDatabase(JdbcDialect.H2, pool, () -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                pool.close();
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("H2 shutdown failed", e);
            }
        });
    }
}

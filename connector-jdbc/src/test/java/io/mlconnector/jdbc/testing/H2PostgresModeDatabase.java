package io.mlconnector.jdbc.testing;

import io.mlconnector.jdbc.JdbcSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh, migrated in-memory H2 database in PostgreSQL compatibility mode (as hosts that test against "H2
 * pretending to be PostgreSQL" configure it), alive until {@link #close()}.
 */
public final class H2PostgresModeDatabase implements AutoCloseable {
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;

    public H2PostgresModeDatabase() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:pgmode-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        keepAlive = dataSource.getConnection();
        JdbcSchema.builder().dataSource(dataSource).tablePrefix(TestDatabase.PREFIX).build().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        keepAlive.close();
    }
}

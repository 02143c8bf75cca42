package io.mlconnector.jdbc;

import io.mlconnector.core.error.ConfigurationException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the JDBC stores speak to; detected from {@link DatabaseMetaData} where their SQL differs. */
public enum JdbcDialect {
    /** PostgreSQL 10 or newer: {@code FOR UPDATE SKIP LOCKED}, {@code ON CONFLICT}, partial indexes, advisory locks. */
    POSTGRESQL(10),
    /** H2 2.x (embedded use, tests): optimistic claims, {@code MERGE ... KEY}, a generated column for dedupe. */
    H2(2);

    private final int minimumMajorVersion;

    JdbcDialect(int minimumMajorVersion) {
        this.minimumMajorVersion = minimumMajorVersion;
    }

    /**
     * The dialect of the database behind {@code metaData}.
     *
     * @param metaData the database meta data
     * @return the {@code JdbcDialect}
     * @throws SQLException when the database call fails
     * @throws ConfigurationException for any other database, or a version too old for the SQL used here
     */
    public static JdbcDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        JdbcDialect dialect;
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            dialect = POSTGRESQL;
        } else if ("H2".equalsIgnoreCase(product)) {
            dialect = H2;
        } else {
            throw new ConfigurationException("unsupported database '" + product
                    + "': the JDBC stores support PostgreSQL (10+) and H2 (2.x)");
        }
        int major = metaData.getDatabaseMajorVersion();
        if (major < dialect.minimumMajorVersion) {
            throw new ConfigurationException(product + " " + metaData.getDatabaseProductVersion()
                    + " is too old: the JDBC stores need version " + dialect.minimumMajorVersion + " or newer");
        }
        return dialect;
    }

    /**
     * Directory name of this dialect's migration scripts under {@code io/mlconnector/jdbc/migration/}.
     *
     * @return directory name of this dialect's migration scripts under {@code io/mlconnector/jdbc/migration/}
     */
    public String migrationDirectory() {
        return name().toLowerCase(Locale.ROOT);
    }
}

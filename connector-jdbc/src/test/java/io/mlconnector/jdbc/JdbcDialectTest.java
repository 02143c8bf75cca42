package io.mlconnector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ConfigurationException;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JdbcDialectTest {
    private static DatabaseMetaData metaData(String product, int major) {
        return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> product;
                    case "getDatabaseProductVersion" -> major + ".0";
                    case "getDatabaseMajorVersion" -> major;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void postgresqlAndH2_areRecognised() throws SQLException {
        assertThat(JdbcDialect.of(metaData("PostgreSQL", 16))).isEqualTo(JdbcDialect.POSTGRESQL);
        assertThat(JdbcDialect.of(metaData("H2", 2))).isEqualTo(JdbcDialect.H2);
    }

    @Test
    void otherDatabases_areRejectedByName() {
        assertThatThrownBy(() -> JdbcDialect.of(metaData("MySQL", 8)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MySQL").hasMessageContaining("PostgreSQL");
    }

    @Test
    void versionsWithoutTheNeededSql_areRejected() {
        assertThatThrownBy(() -> JdbcDialect.of(metaData("PostgreSQL", 9)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("too old");
        assertThatThrownBy(() -> JdbcDialect.of(metaData("H2", 1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("too old");
    }
}

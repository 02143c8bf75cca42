package io.mlconnector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testkit.contract.Race;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What {@link JdbcSchema#migrate()} guarantees on every supported database. */
abstract class JdbcSchemaTestBase {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private final TestDatabase db;

    JdbcSchemaTestBase(TestDatabase db) {
        this.db = db;
    }

    /** A prefix no other test used, so each test starts from an empty schema. */
    private static String freshPrefix() {
        return "s" + PREFIXES.incrementAndGet() + "_";
    }

    private JdbcSchema schema(String prefix) {
        return JdbcSchema.builder().dataSource(db.dataSource()).tablePrefix(prefix).build();
    }

    private long rows(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void migrate_onAnEmptySchema_createsEveryTable_andRecordsEachVersion() throws SQLException {
        String prefix = freshPrefix();
        JdbcSchema schema = schema(prefix);
        assertThat(schema.appliedMigrations()).isEmpty();

        List<SchemaMigration> applied = schema.migrate();

        List<SchemaMigration> shipped = JdbcSchema.availableMigrations(db.dialect());
        assertThat(shipped).extracting(SchemaMigration::version).startsWith(1);
        assertThat(applied).isEqualTo(shipped);
        assertThat(schema.appliedMigrations()).isEqualTo(shipped);
        for (String table : TestDatabase.STORE_TABLES) {
            assertThat(rows(prefix + table)).as(prefix + table).isZero();
        }
        assertThat(rows(prefix + "schema_history")).isEqualTo(shipped.size());
    }

    @Test
    void migrate_again_appliesNothing_andKeepsTheData() {
        String prefix = freshPrefix();
        schema(prefix).migrate();
        JdbcMappingStore store = JdbcMappingStore.builder().dataSource(db.dataSource()).tablePrefix(prefix).build();
        store.put(Mapping.confirmed("c", MappingKind.VENDOR, "42", "9001"));

        assertThat(schema(prefix).migrate()).isEmpty();

        assertThat(store.find("c", MappingKind.VENDOR, "42")).isPresent();
    }

    @Test
    void migrate_fromSeveralNodesAtOnce_appliesEachVersionExactlyOnce() throws SQLException {
        String prefix = freshPrefix();
        int nodes = 4;

        List<List<SchemaMigration>> results = Race.run(nodes, n -> () -> schema(prefix).migrate());

        List<SchemaMigration> shipped = JdbcSchema.availableMigrations(db.dialect());
        assertThat(results).filteredOn(r -> !r.isEmpty()).containsExactly(shipped);
        assertThat(rows(prefix + "schema_history")).isEqualTo(shipped.size());
        JdbcMappingStore store = JdbcMappingStore.builder().dataSource(db.dataSource()).tablePrefix(prefix).build();
        store.put(Mapping.confirmed("c", MappingKind.VENDOR, "42", "9001"));
        assertThat(store.list("c", MappingKind.VENDOR)).hasSize(1);
    }

    @Test
    void tablePrefixes_keepSchemasApart() {
        String a = freshPrefix();
        String b = freshPrefix();
        schema(a).migrate();
        schema(b).migrate();
        JdbcMappingStore storeA = JdbcMappingStore.builder().dataSource(db.dataSource()).tablePrefix(a).build();
        JdbcMappingStore storeB = JdbcMappingStore.builder().dataSource(db.dataSource()).tablePrefix(b).build();

        storeA.put(Mapping.confirmed("c", MappingKind.VENDOR, "42", "in-a"));

        assertThat(storeA.find("c", MappingKind.VENDOR, "42")).isPresent();
        assertThat(storeB.find("c", MappingKind.VENDOR, "42")).isEmpty();
    }

    @Test
    void migrate_whenAnAppliedScriptWasEdited_refusesToContinue() throws SQLException {
        String prefix = freshPrefix();
        schema(prefix).migrate();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + prefix + "schema_history SET checksum = 'edited' WHERE version = 1");
        }

        assertThatThrownBy(() -> schema(prefix).migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V1")
                .hasMessageContaining("edited");
    }

    @Test
    void storesOverAnUnmigratedSchema_failWithATypedError() {
        JdbcMappingStore store = JdbcMappingStore.builder().dataSource(db.dataSource()).tablePrefix(freshPrefix())
                .build();

        assertThatThrownBy(() -> store.find("c", MappingKind.VENDOR, "42"))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("find mapping");
    }
}

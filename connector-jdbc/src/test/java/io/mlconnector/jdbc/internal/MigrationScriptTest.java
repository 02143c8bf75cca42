package io.mlconnector.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.jdbc.JdbcDialect;
import io.mlconnector.jdbc.SchemaMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationScriptTest {
    private static final Pattern CREATED = Pattern.compile("CREATE (?:UNIQUE )?(TABLE|INDEX) (\\w+)");

    @Test
    void everyDialect_shipsTheSameVersions_numberedFromOne() {
        List<SchemaMigration> pg = MigrationScript.load(JdbcDialect.POSTGRESQL).stream()
                .map(MigrationScript::migration).toList();
        List<SchemaMigration> h2 = MigrationScript.load(JdbcDialect.H2).stream()
                .map(MigrationScript::migration).toList();

        assertThat(pg).isNotEmpty();
        assertThat(pg).extracting(SchemaMigration::version).isEqualTo(h2.stream().map(SchemaMigration::version).toList());
        assertThat(pg).extracting(SchemaMigration::description)
                .isEqualTo(h2.stream().map(SchemaMigration::description).toList());
        for (int i = 0; i < pg.size(); i++) {
            assertThat(pg.get(i).version()).isEqualTo(i + 1);
        }
        assertThat(pg.get(0).description()).isEqualTo("init");
    }

    @Test
    void everyDialect_createsTheSameTablesAndIndexes() {
        assertThat(created(JdbcDialect.POSTGRESQL, "x_")).isEqualTo(created(JdbcDialect.H2, "x_"));
        assertThat(created(JdbcDialect.POSTGRESQL, "x_")).contains(
                "TABLE x_mapping", "TABLE x_unmapped", "TABLE x_audit_event", "TABLE x_credential", "TABLE x_ledger",
                "TABLE x_sync_cursor", "TABLE x_work_item", "TABLE x_named_lease", "TABLE x_reconciliation_report",
                "INDEX x_work_item_ready", "INDEX x_work_item_pending_dedupe");
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void statements_haveThePrefixSubstituted_andNoCommentsOrTerminators(JdbcDialect dialect) {
        for (MigrationScript script : MigrationScript.load(dialect)) {
            List<String> statements = script.statements(new TablePrefix("tenant7_"));
            assertThat(statements).isNotEmpty().allSatisfy(sql -> {
                assertThat(sql).doesNotContain("${").doesNotEndWith(";").doesNotStartWith("--");
                assertThat(sql).containsPattern("^(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE) ");
            });
            assertThat(String.join("\n", statements)).doesNotContainPattern("(TABLE|INDEX|ON) (?!tenant7_)\\w+ ");
        }
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void checksums_areSha256_andStable(JdbcDialect dialect) {
        List<SchemaMigration> first = MigrationScript.load(dialect).stream().map(MigrationScript::migration).toList();
        List<SchemaMigration> again = MigrationScript.load(dialect).stream().map(MigrationScript::migration).toList();

        assertThat(first).isEqualTo(again);
        assertThat(first).allSatisfy(m -> assertThat(m.checksum()).matches("[0-9a-f]{64}"));
    }

    private static TreeSet<String> created(JdbcDialect dialect, String prefix) {
        List<String> all = new ArrayList<>();
        for (MigrationScript script : MigrationScript.load(dialect)) {
            for (String sql : script.statements(new TablePrefix(prefix))) {
                Matcher m = CREATED.matcher(sql);
                while (m.find()) {
                    all.add(m.group(1) + " " + m.group(2));
                }
            }
        }
        return new TreeSet<>(all);
    }
}

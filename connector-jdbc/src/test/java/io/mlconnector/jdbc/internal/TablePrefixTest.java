package io.mlconnector.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.jdbc.JdbcAuditLog;
import io.mlconnector.jdbc.JdbcCredentialStore;
import io.mlconnector.jdbc.JdbcMappingStore;
import io.mlconnector.jdbc.JdbcSchema;
import io.mlconnector.jdbc.JdbcSyncStateStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TablePrefixTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "mlc_", "MLC_", "_x", "a", "tenant42_mlc_", "abcdefghijklmnopqrstuvwxyz_123"})
    void identifierPrefixes_areAccepted(String prefix) {
        TablePrefix p = new TablePrefix(prefix);

        assertThat(p.table("ledger")).isEqualTo(prefix + "ledger");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1mlc_", "mlc-", "a b", "x;DROP TABLE y;--", "\"q\"", "mlc.", "ümlaut_",
            "abcdefghijklmnopqrstuvwxyz_1234"})
    void anythingElse_isRejectedByEveryBuilder(String prefix) {
        JdbcDataSource ds = new JdbcDataSource();

        assertThatThrownBy(() -> new TablePrefix(prefix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid table prefix");
        assertThatThrownBy(() -> JdbcSchema.builder().dataSource(ds).tablePrefix(prefix).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcMappingStore.builder().dataSource(ds).tablePrefix(prefix).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcAuditLog.builder().dataSource(ds).tablePrefix(prefix).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcCredentialStore.builder().dataSource(ds).tablePrefix(prefix).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().dataSource(ds).tablePrefix(prefix).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullPrefix_orDataSource_isRejected() {
        assertThatThrownBy(() -> new TablePrefix(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JdbcMappingStore.builder().build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataSource");
    }
}

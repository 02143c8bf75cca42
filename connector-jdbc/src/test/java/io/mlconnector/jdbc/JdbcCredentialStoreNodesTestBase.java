package io.mlconnector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.CredentialConflictException;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.testkit.contract.Race;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two nodes — separate {@link JdbcCredentialStore} instances, each wrapped in {@link EncryptedCredentialStore} as
 * users are told to — refreshing the same rotating FreshBooks token at the same moment: exactly one save wins,
 * the other sees a conflict and, reloading, gets the winner's token; the table only ever holds ciphertext.
 */
abstract class JdbcCredentialStoreNodesTestBase {
    private static final CredentialKey KEY = new CredentialKey("conn-a", "freshbooks.oauth");
    private static final StaticKeyProvider KEYS = StaticKeyProvider.of(EncryptionKey.aes256("k1", new byte[32]));
    private final TestDatabase db;

    JdbcCredentialStoreNodesTestBase(TestDatabase db) {
        this.db = db;
    }

    private CredentialStore node() {
        return new EncryptedCredentialStore(
                JdbcCredentialStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build(), KEYS);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoNodesRotatingTheSameToken_exactlyOneWinsEachRound_andBothEndWithTheWinnersToken() {
        CredentialStore a = node();
        CredentialStore b = node();
        a.compareAndSet(KEY, 0, utf8("refresh-0"));

        for (int round = 1; round <= 20; round++) {
            int r = round;
            CredentialStore[] nodes = {a, b};
            // both nodes hold the same token version when their refreshes start
            StoredCredential[] seen = {a.load(KEY).orElseThrow(), b.load(KEY).orElseThrow()};
            assertThat(seen[0].version()).isEqualTo(seen[1].version()).isEqualTo(round);
            List<String> results = Race.run(2, n -> () -> {
                try {
                    nodes[n].compareAndSet(KEY, seen[n].version(), utf8("refresh-" + r + "-node-" + n));
                    return "won";
                } catch (CredentialConflictException e) {
                    return "lost to version " + e.actualVersion();
                }
            });

            assertThat(results).as("round " + round).containsExactlyInAnyOrder("won", "lost to version " + (round + 1));
            String winner = "refresh-" + round + "-node-" + results.indexOf("won");
            for (CredentialStore node : nodes) {
                StoredCredential now = node.load(KEY).orElseThrow();
                assertThat(now.version()).isEqualTo(round + 1);
                assertThat(new String(now.value(), StandardCharsets.UTF_8)).isEqualTo(winner);
            }
        }
    }

    @Test
    void theTableHoldsOnlyCiphertext() throws SQLException {
        byte[] secret = utf8("refresh-token-that-must-not-be-readable");
        node().compareAndSet(KEY, 0, secret);

        byte[] stored;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT secret_bytes FROM " + db.tablePrefix()
                     + "credential WHERE connection_id = ? AND kind = ?")) {
            ps.setString(1, KEY.connectionId());
            ps.setString(2, KEY.kind());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                stored = rs.getBytes(1);
            }
        }

        assertThat(stored).isNotEqualTo(secret);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("refresh-token");
        assertThat(stored.length).isGreaterThan(secret.length); // nonce + tag + key id
        assertThat(node().load(KEY).orElseThrow().value()).isEqualTo(secret);
    }

    @Test
    void databaseErrors_neverCarryTheDriversMessage() {
        byte[] secret = utf8("refresh-token-in-a-failing-write");
        JdbcCredentialStore missingTable = JdbcCredentialStore.builder().dataSource(db.dataSource())
                .tablePrefix("not_migrated_").build();

        assertThatThrownBy(() -> missingTable.compareAndSet(KEY, 0, secret))
                .isInstanceOfSatisfying(JdbcStoreException.class, e -> {
                    assertThat(e.getCause()).isNull();
                    assertThat(e.sqlState()).startsWith("42");
                    assertThat(e.getMessage()).contains("withheld").doesNotContain("refresh-token");
                });
    }

    @Test
    void invalidArguments_areRejectedBeforeTheDatabase() {
        JdbcCredentialStore store = JdbcCredentialStore.builder().dataSource(db.dataSource())
                .tablePrefix(db.tablePrefix()).build();
        char[] longKind = new char[200];
        Arrays.fill(longKind, 'k');

        assertThatThrownBy(() -> store.compareAndSet(KEY, -1, utf8("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.compareAndSet(new CredentialKey("conn-a", new String(longKind)), 0, utf8("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThat(store.load(KEY)).isEmpty();
    }
}

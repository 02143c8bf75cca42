package io.mlconnector.jdbc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.testkit.contract.Race;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.auth.OAuthTokens;
import io.mlconnector.jdbc.JdbcCredentialStore;
import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.TokenPair;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes refreshing the same rotating FreshBooks grant at the same instant: each node has its own
 * {@link FreshBooksTokenSource} over its own {@link JdbcCredentialStore} (wrapped in {@link EncryptedCredentialStore}
 * with the shared key) on one PostgreSQL database. FreshBooks refresh tokens are single-use, so only one refresh may
 * reach the token endpoint; both nodes must end with the new access token, and the stored refresh token must be the
 * rotated one, usable for the next refresh.
 */
@PostgresDatabase
class CredentialRefreshNodesTest {
    private static final CredentialKey KEY = FreshBooksTokenSource.keyFor("acme");
    private static final StaticKeyProvider KEYS = StaticKeyProvider.of(EncryptionKey.aes256("k1",
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    private static final int ROUNDS = 10;

    private final TestDatabase db;
    private FreshBooksSandbox fb;

    CredentialRefreshNodesTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void startSandbox() {
        fb = FreshBooksSandbox.builder().build().start();
    }

    @AfterEach
    void stopSandbox() {
        fb.close();
    }

    private CredentialStore nodeStore() {
        return new EncryptedCredentialStore(JdbcCredentialStore.builder().dataSource(db.dataSource())
                .tablePrefix(db.tablePrefix()).build(), KEYS);
    }

    /** A node: its own OAuth helper, credential store instance and token source. */
    private FreshBooksTokenSource node() {
        FreshBooksOAuth oauth = FreshBooksOAuth.builder().clientId(fb.clientId()).clientSecret(fb.clientSecret())
                .redirectUri(fb.redirectUri()).apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl()).build();
        return FreshBooksTokenSource.builder().oauth(oauth).store(nodeStore()).key(KEY).build();
    }

    /** Re-stores the current grant with its access token already expired, so every node must refresh. */
    private static void expireStoredAccessToken(FreshBooksTokenSource any) {
        OAuthTokens g = any.storedGrant().orElseThrow();
        any.storeGrant(new OAuthTokens(g.accessToken(), g.refreshToken(), Instant.now().minusSeconds(60), g.scopes(),
                g.tokenType()));
    }

    private boolean apiAccepts(String accessToken) {
        FreshBooksClient client = FreshBooksClient.builder().apiBaseUrl(fb.baseUrl()).accessToken(accessToken)
                .accountId(fb.identity().accountId()).build();
        return client.identity().businesses().stream().anyMatch(b -> fb.identity().accountId().equals(b.accountId()));
    }

    @Test
    void twoNodesRefreshingAtOnce_sendOneRefresh_andBothGetTheRotatedToken() throws SQLException {
        FreshBooksTokenSource a = node();
        FreshBooksTokenSource b = node();
        TokenPair granted = fb.issueTokens();
        a.storeGrant(new OAuthTokens(granted.accessToken(), granted.refreshToken(), Instant.now().minusSeconds(60),
                List.of(), "Bearer"));
        String previousRefresh = granted.refreshToken();
        String previousAccess = granted.accessToken();
        FreshBooksTokenSource[] nodes = {a, b};

        for (int round = 1; round <= ROUNDS; round++) {
            long refreshesBefore = fb.refreshRequestCount();

            List<AccessToken> tokens = Race.run(2, n -> nodes[n]::fetchToken);

            assertThat(fb.refreshRequestCount() - refreshesBefore).as("refresh requests in round " + round)
                    .isEqualTo(1);
            assertThat(tokens.get(0).value()).as("round " + round).isEqualTo(tokens.get(1).value())
                    .isNotEqualTo(previousAccess);
            OAuthTokens stored = b.storedGrant().orElseThrow();
            assertThat(stored.accessToken()).isEqualTo(tokens.get(0).value());
            assertThat(stored.refreshToken()).isNotNull().isNotEqualTo(previousRefresh);
            assertThat(apiAccepts(tokens.get(0).value())).isTrue();
            previousRefresh = stored.refreshToken();
            previousAccess = stored.accessToken();
            expireStoredAccessToken(a); // the next round starts from an expired token again
        }

        assertThat(fb.successfulRefreshCount()).isEqualTo(ROUNDS);
        // the stored refresh token is the live one: one more refresh through either node succeeds
        long before = fb.successfulRefreshCount();
        String next = b.fetchToken().value();
        assertThat(fb.successfulRefreshCount()).isEqualTo(before + 1);
        assertThat(next).isNotEqualTo(previousAccess);
        assertThat(apiAccepts(next)).isTrue();
        assertTableHoldsNoPlaintext(b.storedGrant().orElseThrow().refreshToken());
    }

    private void assertTableHoldsNoPlaintext(String secret) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT secret_bytes FROM " + db.tablePrefix()
                     + "credential WHERE connection_id = ? AND kind = ?")) {
            ps.setString(1, KEY.connectionId());
            ps.setString(2, KEY.kind());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            }
        }
        StoredCredential loaded = nodeStore().load(KEY).orElseThrow();
        assertThat(new String(loaded.value(), StandardCharsets.UTF_8)).contains(secret);
    }
}

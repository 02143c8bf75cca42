package io.mlconnector.examples.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.FileCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.examples.config.FreshBooksSettings;
import io.mlconnector.examples.config.Secret;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The FreshBooks side wired from settings against the sandbox: first-start grant, restarts, discovery. */
class FreshBooksSideTest {
    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.create();

    @TempDir
    Path dir;

    private FreshBooksSandbox fb;
    private CredentialStore store;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        store = new EncryptedCredentialStore(new FileCredentialStore(dir),
                StaticKeyProvider.of(EncryptionKey.aes256("k1", new byte[32])));
    }

    private FreshBooksSettings settings(String refreshToken, boolean withIds) {
        URI base = URI.create(fb.baseUrl());
        return new FreshBooksSettings(base, base, fb.clientId(), new Secret(fb.clientSecret()), fb.redirectUri(),
                refreshToken == null ? null : new Secret(refreshToken), withIds ? fb.identity().accountId() : null,
                withIds ? fb.identity().businessId() : null, null);
    }

    private FreshBooksSide wire(FreshBooksSettings s) {
        return FreshBooksSide.wire(s, store, Clock.systemUTC(), RetryPolicy.none());
    }

    @Test
    void firstStart_seedsTheGrant_andRestartKeepsTheRotatedOne() {
        String first = fb.issueTokens().refreshToken();
        FreshBooksSide side = wire(settings(first, true));
        assertThat(side.accounting().listGlAccounts()).isEmpty();
        assertThat(fb.successfulRefreshCount()).isEqualTo(1);

        fb.revokeAccessTokens(); // the restarted host must refresh, with the rotated token from the store
        FreshBooksSide restarted = wire(settings(first, true));
        assertThat(restarted.accounting().listGlAccounts()).isEmpty();
        assertThat(fb.successfulRefreshCount()).isEqualTo(2);
        assertThat(fb.refreshRequestCount()).isEqualTo(2);
    }

    @Test
    void aNewConfiguredToken_replacesTheStoredGrant() {
        wire(settings(fb.issueTokens().refreshToken(), true)).accounting().listGlAccounts();
        String reauthorized = fb.issueTokens().refreshToken(); // invalidates the stored grant's refresh token
        fb.revokeAccessTokens();

        FreshBooksSide side = wire(settings(reauthorized, true));

        assertThat(side.accounting().listGlAccounts()).isEmpty();
        assertThat(fb.successfulRefreshCount()).isEqualTo(2);
    }

    @Test
    void noStoredGrant_andNoToken_isAConfigurationError() {
        assertThatThrownBy(() -> wire(settings(null, true))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FRESHBOOKS_REFRESH_TOKEN is required on the first start");
    }

    @Test
    void missingIds_areDiscoveredFromTheIdentity() {
        FreshBooksSide side = wire(settings(fb.issueTokens().refreshToken(), false));

        assertThat(side.client().accountId()).isEqualTo(fb.identity().accountId());
        assertThat(side.client().businessId()).isEqualTo(fb.identity().businessId());
    }
}

package io.mlconnector.freshbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.TokenManager;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Authentication is configured one way: a second, overlapping way is a configuration error, not a silent winner. */
class FreshBooksClientBuilderTest {
    private static final FreshBooksOAuth OAUTH = FreshBooksOAuth.builder().clientId("cid").clientSecret("s")
            .redirectUri("https://app.example/cb").build();

    @Test
    void eachAuthenticationPathAlone_builds() {
        assertThat(FreshBooksClient.builder().accessToken("t").build()).isNotNull();
        assertThat(FreshBooksClient.builder().tokenSource(() -> new AccessToken("t", Instant.MAX)).build()).isNotNull();
        assertThat(FreshBooksClient.builder().oauthCredentials("cid", "s", "https://app.example/cb")
                .credentialStore(new InMemoryCredentialStore(), FreshBooksTokenSource.keyFor("acme")).build())
                .isNotNull();
        assertThat(FreshBooksClient.builder().oauth(OAUTH, new InMemoryCredentialStore(),
                FreshBooksTokenSource.keyFor("acme")).build()).isNotNull();
    }

    @Test
    void aSecondAuthenticationPath_isAConfigurationError() {
        assertThatThrownBy(() -> FreshBooksClient.builder().accessToken("t")
                .tokenSource(() -> new AccessToken("u", Instant.MAX)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("accessToken(...)")
                .hasMessageContaining("tokenSource(...)");
        assertThatThrownBy(() -> FreshBooksClient.builder().oauth(OAUTH, new InMemoryCredentialStore(),
                FreshBooksTokenSource.keyFor("acme")).accessToken("t")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FreshBooksClient.builder().tokenManager(TokenManager.builder()
                .source(() -> new AccessToken("t", Instant.MAX)).build())
                .oauthCredentials("cid", "s", "https://app.example/cb")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FreshBooksClient.builder().accessToken("t")
                .credentialStore(new InMemoryCredentialStore(), FreshBooksTokenSource.keyFor("acme")))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void incompleteOrMissingAuthentication_isAConfigurationError() {
        assertThatThrownBy(() -> FreshBooksClient.builder().oauthCredentials("cid", "s", "https://app.example/cb")
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("go together");
        assertThatThrownBy(() -> FreshBooksClient.builder().build()).isInstanceOf(ConfigurationException.class);
    }
}

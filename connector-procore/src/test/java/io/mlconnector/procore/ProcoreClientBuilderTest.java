package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import org.junit.jupiter.api.Test;

/** Every way a ProcoreClient can be misconfigured is a {@link ConfigurationException}, found at build time. */
class ProcoreClientBuilderTest {

    @Test
    void missingCompany_isAConfigurationError() {
        assertThatThrownBy(() -> ProcoreClient.builder().clientId("id").clientSecret("secret").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("companyId");
    }

    @Test
    void retryPolicyGivenToTheClientAndATransport_isAConfigurationError() {
        assertThatThrownBy(() -> ProcoreClient.builder().clientId("id").clientSecret("secret").companyId(1)
                .transport(HttpTransport.builder().build()).retryPolicy(RetryPolicy.none()).build())
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aSecretWithoutClientId_orNoCredentialsAtAll_isAConfigurationError() {
        assertThatThrownBy(() -> ProcoreClient.builder().clientSecret("secret").companyId(1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("clientId");
        assertThatThrownBy(() -> ProcoreClient.builder().companyId(1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no Procore client credentials");
    }

    @Test
    void storedCredentialsOfAnotherClient_isAConfigurationError() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        ProcoreClient.builder().clientId("first").clientSecret("secret").companyId(1).credentialStore(store).build();

        assertThatThrownBy(() -> ProcoreClient.builder().clientId("second").companyId(1).credentialStore(store)
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("another client id");
    }
}

package io.mlconnector.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.sync.SyncPolicy;
import org.junit.jupiter.api.Test;

/** Connection settings are a class built by a builder; {@code toBuilder()} carries every setting over (issue 19). */
class ConnectionSettingsTest {

    @Test
    void toBuilderKeepsEverySettingButTheOneChanged() {
        SyncPolicy policy = SyncPolicy.builder().batchSize(3).build();
        ConnectionSettings settings = ConnectionSettings.builder("acme").freshBooksAccount("6BApk", 42)
                .freshBooksRefreshToken("refresh").freshBooksCallbackVerifier("verifier").procoreCompany(7)
                .procoreWebhookSecret("hook-secret").policy(policy).build();

        ConnectionSettings rotated = settings.toBuilder().procoreWebhookSecret("new-secret").build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings).hasSameHashCodeAs(settings);
        assertThat(rotated.procoreWebhookSecret()).isEqualTo("new-secret");
        assertThat(rotated).isNotEqualTo(settings);
        assertThat(rotated.toBuilder().procoreWebhookSecret("hook-secret").build()).isEqualTo(settings);
        assertThat(rotated.freshBooksAccountId()).isEqualTo("6BApk");
        assertThat(rotated.freshBooksBusinessId()).isEqualTo(42);
        assertThat(rotated.freshBooksRefreshToken()).isEqualTo("refresh");
        assertThat(rotated.freshBooksCallbackVerifier()).isEqualTo("verifier");
        assertThat(rotated.procoreCompanyId()).isEqualTo(7);
        assertThat(rotated.policy()).isEqualTo(policy);
    }
}

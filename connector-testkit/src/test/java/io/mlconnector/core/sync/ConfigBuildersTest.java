package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.port.SourceStream;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's settings are classes built by builders (issue 19): {@code toBuilder()} carries every setting over, so a
 * setting added later cannot break code that derives one configuration from another.
 */
class ConfigBuildersTest {
    private final EngineFixture fx = new EngineFixture();

    @Test
    void policyToBuilderKeepsEverySettingButTheOneChanged() {
        SyncPolicy policy = fx.policy().dryRun(true).batchSize(7).enabledStreams(Set.of(SourceStream.BILLS)).build();

        SyncPolicy same = policy.toBuilder().build();
        SyncPolicy slower = policy.toBuilder().pollInterval(Duration.ofMinutes(42)).build();

        assertThat(same).isEqualTo(policy).hasSameHashCodeAs(policy);
        assertThat(slower.pollInterval()).isEqualTo(Duration.ofMinutes(42));
        assertThat(slower.toBuilder().pollInterval(policy.pollInterval()).build()).isEqualTo(policy);
        assertThat(slower).isNotEqualTo(policy);
        assertThat(slower.dryRun()).isTrue();
        assertThat(slower.batchSize()).isEqualTo(7);
        assertThat(slower.maxAttempts()).isEqualTo(8);
    }

    @Test
    void connectionToBuilderKeepsEverySettingButTheOneChanged() {
        Connection c = fx.connection(fx.policy().build());

        Connection other = c.toBuilder().projectCurrency("cad").build();

        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(other.projectCurrency()).isEqualTo("CAD");
        assertThat(other.id()).isEqualTo(c.id());
        assertThat(other.accounting()).isSameAs(c.accounting());
        assertThat(other.projects()).isSameAs(c.projects());
        assertThat(other.accountingVerifier()).isSameAs(c.accountingVerifier());
        assertThat(other.projectVerifier()).isSameAs(c.projectVerifier());
        assertThat(other.policy()).isEqualTo(c.policy());
    }
}

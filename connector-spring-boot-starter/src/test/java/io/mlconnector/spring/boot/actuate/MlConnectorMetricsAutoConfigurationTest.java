package io.mlconnector.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.micrometer.ConnectorMetrics;
import io.mlconnector.runtime.ConnectionSettings;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.spring.boot.MlConnectorAutoConfiguration;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Micrometer binding: with a registry, the auto-configured connector reports its polls and both clients' HTTP
 * attempts as meters and the health gauges read its engine; without a registry or connector-micrometer, nothing.
 */
class MlConnectorMetricsAutoConfigurationTest {
    @RegisterExtension
    static final FreshBooksSandboxExtension FB = FreshBooksSandboxExtension.create();
    @RegisterExtension
    static final ProcoreSandboxExtension PC = ProcoreSandboxExtension.create();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MlConnectorAutoConfiguration.class, MlConnectorMetricsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true",
                    "mlconnector.credential-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                    "mlconnector.freshbooks.client-id=" + fb().clientId(),
                    "mlconnector.freshbooks.client-secret=" + fb().clientSecret(),
                    "mlconnector.freshbooks.redirect-uri=" + fb().redirectUri(),
                    "mlconnector.freshbooks.api-base-url=" + fb().baseUrl(),
                    "mlconnector.freshbooks.auth-base-url=" + fb().baseUrl(),
                    "mlconnector.procore.client-id=" + pc().clientId(),
                    "mlconnector.procore.client-secret=" + pc().clientSecret(),
                    "mlconnector.procore.api-base-url=" + pc().baseUrl(),
                    "mlconnector.procore.login-base-url=" + pc().baseUrl());

    private static FreshBooksSandbox fb() {
        return FB.sandbox();
    }

    private static ProcoreSandbox pc() {
        return PC.sandbox();
    }

    @Test
    void withARegistry_pollsAndHttpAttemptsBecomeMeters_andTheHealthGaugeReadsTheEngine() {
        Company company = pc().seed().company("Harbor Point Builders");
        pc().seed().project(company.id(), "Harbor Tower");
        runner.withUserConfiguration(Registry.class).run(context -> {
            assertThat(context).hasSingleBean(ConnectorMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            MlConnector connector = context.getBean(MlConnector.class);
            connector.addConnection(ConnectionSettings.builder("acme")
                    .freshBooksAccount(fb().identity().accountId(), fb().identity().businessId())
                    .freshBooksAuthorizationCode(fb().issueAuthorizationCode()).procoreCompany(company.id())
                    .procoreWebhookSecret("hook-secret").build());

            connector.engine().pollOnce("acme");

            assertThat(registry.find(ConnectorMetrics.POLL).tag("connection", "acme").timers()).isNotEmpty();
            assertThat(registry.find(ConnectorMetrics.HTTP_REQUESTS).tag("system", "freshbooks").timers())
                    .isNotEmpty();
            assertThat(registry.find(ConnectorMetrics.HTTP_REQUESTS).tag("system", "procore").timers())
                    .isNotEmpty();
            assertThat(registry.get(ConnectorMetrics.HEALTH).gauge().value()).as("healthy").isZero();
        });
    }

    @Test
    void withoutARegistry_orWithoutConnectorMicrometer_noMetrics() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConnectorMetrics.class));
        runner.withUserConfiguration(Registry.class).withClassLoader(new FilteredClassLoader(ConnectorMetrics.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mlConnectorMetrics")
                        .doesNotHaveBean("mlConnectorMetricsCustomizer"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }
}

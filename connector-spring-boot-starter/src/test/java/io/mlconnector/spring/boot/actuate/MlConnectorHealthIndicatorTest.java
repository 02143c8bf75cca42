package io.mlconnector.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mlconnector.core.observe.ConnectionHealth;
import io.mlconnector.core.observe.EngineHealth;
import io.mlconnector.core.observe.HealthStatus;
import io.mlconnector.core.state.QueueStats;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.spring.boot.MlConnectorAutoConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The health indicator: engine status to actuator status (DEGRADED its own), details, the status order default that
 * keeps DOWN above DEGRADED, and when the indicator is made.
 */
class MlConnectorHealthIndicatorTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MlConnectorAutoConfiguration.class,
                    MlConnectorHealthAutoConfiguration.class))
            .withUserConfiguration(MockConnector.class);

    @Test
    void engineStatuses_mapToUpDegradedDown_withTheReasonsAndQueueInTheDetails() {
        SyncEngine engine = mock(SyncEngine.class);
        MlConnectorHealthIndicator indicator = new MlConnectorHealthIndicator(engine);
        QueueStats queue = new QueueStats(Map.of(WorkStatus.READY, 2L, WorkStatus.DEAD, 1L),
                NOW.minus(Duration.ofMinutes(3)));
        ConnectionHealth acme = new ConnectionHealth("acme", HealthStatus.DEGRADED, List.of("1 stream failing"),
                List.of(), false, null, queue, Duration.ofMinutes(3));

        when(engine.health()).thenReturn(new EngineHealth(HealthStatus.DEGRADED, List.of("1 stream failing"), NOW,
                List.of(acme), queue));
        Health degraded = indicator.health();
        assertThat(degraded.getStatus()).isEqualTo(MlConnectorHealthIndicator.DEGRADED);
        assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(degraded.getDetails()).containsEntry("reasons", List.of("1 stream failing"))
                .containsEntry("connections", Map.of("acme", "DEGRADED"))
                .containsEntry("oldestReadyAge", "PT3M").containsKey("queue");
        @SuppressWarnings("unchecked")
        Map<String, Long> counts = (Map<String, Long>) degraded.getDetails().get("queue");
        assertThat(counts).containsEntry("ready", 2L).containsEntry("dead", 1L).containsEntry("leased", 0L);

        when(engine.health()).thenReturn(new EngineHealth(HealthStatus.HEALTHY, List.of(), NOW, List.of(),
                QueueStats.EMPTY));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        when(engine.health()).thenReturn(new EngineHealth(HealthStatus.DOWN, List.of("state store unreadable"), NOW,
                List.of(), QueueStats.EMPTY));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        when(engine.health()).thenThrow(new IllegalStateException("boom"));
        assertThat(indicator.health().getStatus()).as("a report that cannot be made").isEqualTo(Status.DOWN);
    }

    @Test
    void theDefaultStatusOrder_putsDegradedBelowDownAndAboveUp_andTheAppsOrderWins() {
        StandardEnvironment env = new StandardEnvironment();
        new MlConnectorHealthStatusOrder().postProcessEnvironment(env, null);
        SimpleStatusAggregator order = new SimpleStatusAggregator(
                env.getProperty(MlConnectorHealthStatusOrder.PROPERTY, String[].class));
        Status degraded = MlConnectorHealthIndicator.DEGRADED;
        assertThat(order.getAggregateStatus(Status.UP, degraded)).isEqualTo(degraded);
        assertThat(order.getAggregateStatus(Status.DOWN, degraded)).isEqualTo(Status.DOWN);
        assertThat(new SimpleStatusAggregator().getAggregateStatus(Status.UP, degraded))
                .as("why the default is needed: Spring Boot's own order puts an unknown status last, under UP")
                .isEqualTo(Status.UP);

        StandardEnvironment app = new StandardEnvironment();
        app.getPropertySources().addFirst(new MapPropertySource("app",
                Map.of(MlConnectorHealthStatusOrder.PROPERTY, "DOWN,UP")));
        new MlConnectorHealthStatusOrder().postProcessEnvironment(app, null);
        assertThat(app.getProperty(MlConnectorHealthStatusOrder.PROPERTY)).isEqualTo("DOWN,UP");
    }

    @Test
    void theIndicator_isMadeWithActuator_notWithoutIt_norWhenDisabled() {
        runner.run(context -> assertThat(context).hasSingleBean(MlConnectorHealthIndicator.class)
                .getBean("mlConnectorHealthIndicator").isInstanceOf(HealthIndicator.class));
        runner.withPropertyValues("management.health.mlconnector.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MlConnectorHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mlConnectorHealthIndicator"));
    }

    /** The app's own connector (a mock) with a mock engine. */
    @Configuration(proxyBeanMethods = false)
    static class MockConnector {
        @Bean
        MlConnector mockConnector() {
            MlConnector connector = mock(MlConnector.class);
            when(connector.engine()).thenReturn(mock(SyncEngine.class));
            return connector;
        }
    }
}

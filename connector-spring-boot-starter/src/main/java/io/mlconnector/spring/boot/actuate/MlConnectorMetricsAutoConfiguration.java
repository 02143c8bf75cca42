package io.mlconnector.spring.boot.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.micrometer.ConnectorMetrics;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.spring.boot.MlConnectorAutoConfiguration;
import io.mlconnector.spring.boot.MlConnectorCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The connector's meters (connector-micrometer's {@link ConnectorMetrics}: polls, work outcomes, HTTP attempts and
 * retries, rate limits, token refreshes, queue depth and health gauges) in the app's {@link MeterRegistry}, when
 * Micrometer and connector-micrometer are on the classpath and the app has a registry (Spring Boot Actuator makes
 * one). The metrics listen to the auto-configured connector through an {@link MlConnectorCustomizer}; the health
 * gauges read whichever {@link MlConnector} bean the app has.
 */
@AutoConfiguration(after = MlConnectorAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, ConnectorMetrics.class})
@ConditionalOnSingleCandidate(MeterRegistry.class)
public class MlConnectorMetricsAutoConfiguration {
    /** Creates the auto-configuration (Spring calls it). */
    public MlConnectorMetricsAutoConfiguration() {
    }

    /**
     * The metrics listener, its health gauges bound to the connector's engine (read at scrape time).
     *
     * @param registry  the app's meter registry
     * @param connector the connector, looked up when a gauge is read
     * @return the metrics
     */
    @Bean
    @ConditionalOnMissingBean
    public ConnectorMetrics mlConnectorMetrics(MeterRegistry registry, ObjectProvider<MlConnector> connector) {
        return ConnectorMetrics.of(registry).bindHealth(() -> connector.getObject().engine().health());
    }

    /**
     * Registers the metrics as a listener of the auto-configured connector (its engine and both clients of every
     * connection).
     *
     * @param metrics the metrics listener
     * @return the customizer
     */
    @Bean
    @ConditionalOnMissingBean(name = "mlConnectorMetricsCustomizer")
    public MlConnectorCustomizer mlConnectorMetricsCustomizer(ConnectorMetrics metrics) {
        return builder -> builder.listener(metrics);
    }
}

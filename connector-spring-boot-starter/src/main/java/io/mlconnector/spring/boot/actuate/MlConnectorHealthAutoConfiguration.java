package io.mlconnector.spring.boot.actuate;

import io.mlconnector.runtime.MlConnector;
import io.mlconnector.spring.boot.MlConnectorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link MlConnectorHealthIndicator} (contributor {@code mlConnector}) when Spring Boot Actuator is on the
 * classpath; off with {@code management.health.mlconnector.enabled=false}.
 */
@AutoConfiguration(after = MlConnectorAutoConfiguration.class,
        beforeName = "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration")
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(MlConnector.class)
@ConditionalOnEnabledHealthIndicator("mlconnector")
public class MlConnectorHealthAutoConfiguration {
    /** Creates the auto-configuration (Spring calls it). */
    public MlConnectorHealthAutoConfiguration() {
    }

    /**
     * The health indicator of the connector's engine.
     *
     * @param connector the connector
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "mlConnectorHealthIndicator")
    public MlConnectorHealthIndicator mlConnectorHealthIndicator(MlConnector connector) {
        return new MlConnectorHealthIndicator(connector.engine());
    }
}

package io.mlconnector.spring.boot.actuate;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts {@code DEGRADED} into the actuator's status order, as the lowest-precedence default of
 * {@code management.endpoint.health.status.order}: {@value #ORDER}. Without it, Spring Boot sorts a status it does not
 * know last, under {@code UP}, and the overall status would stay {@code UP} while the connector is degraded. Any order
 * the app sets wins.
 */
public final class MlConnectorHealthStatusOrder implements EnvironmentPostProcessor {
    /** The property set. */
    public static final String PROPERTY = "management.endpoint.health.status.order";
    /** Its default value: Spring Boot's order with {@code DEGRADED} between {@code OUT_OF_SERVICE} and {@code UP}. */
    public static final String ORDER = "DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN";
    /** Name of the property source holding the default. */
    public static final String SOURCE = "mlconnector-health-status-order";

    /** Creates the post-processor (Spring Boot calls it, listed in {@code META-INF/spring.factories}). */
    public MlConnectorHealthStatusOrder() {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(PROPERTY, ORDER)));
        }
    }
}

package io.mlconnector.spring.boot;

import io.mlconnector.runtime.MlConnector;

/**
 * Adjusts the auto-configured connector's builder before it is built: beans of this type are applied in their
 * {@code @Order}, after the starter has set everything from the {@code mlconnector.*} properties (so a customizer
 * may replace any part, e.g. an HTTP client with a proxy, a clock or a listener).
 */
@FunctionalInterface
public interface MlConnectorCustomizer {
    /**
     * Adjusts the builder.
     *
     * @param builder the builder of the auto-configured connector, set from the properties
     */
    void customize(MlConnector.Builder builder);
}

/**
 * Spring Boot Actuator integration: the engine's health as a {@code HealthIndicator} (with the {@code DEGRADED}
 * status), and the connector's Micrometer meters (connector-micrometer's {@code ConnectorMetrics}) in the app's
 * {@code MeterRegistry}.
 */
package io.mlconnector.spring.boot.actuate;

/**
 * Micrometer binding for ml-connector: {@link io.mlconnector.micrometer.ConnectorMetrics} turns the connector's
 * listener events into meters and exposes {@code SyncEngine.health()} as gauges. Optional: core does not depend on
 * Micrometer; add this module and register the listener.
 */
package io.mlconnector.micrometer;

/**
 * Observability: the {@link io.mlconnector.core.observe.ConnectorListener} SPI and its events (polls, work outcomes,
 * HTTP attempts and retries, rate-limit waits, token refreshes, re-authorization), the engine's health report
 * ({@link io.mlconnector.core.observe.EngineHealth}, from {@code SyncEngine.health()}) and the SLF4J MDC keys the
 * engine sets while it works ({@link io.mlconnector.core.observe.LogContext}). Events and health carry ids, counts,
 * durations and statuses, never business data or secrets.
 */
package io.mlconnector.core.observe;

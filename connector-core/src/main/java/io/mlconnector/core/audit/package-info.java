/**
 * The audit trail: one {@link io.mlconnector.core.audit.AuditEvent} per thing that happened to a record (posted,
 * skipped, flagged, failed, webhook accepted or rejected), with its {@link io.mlconnector.core.audit.AuditOutcome}.
 * {@link io.mlconnector.core.audit.AuditSink} is the write-only SPI the engine records to;
 * {@link io.mlconnector.core.audit.AuditLog} a sink that can be queried ({@link io.mlconnector.core.audit.AuditQuery}).
 * Implementations here: in memory, SLF4J lines, several sinks at once, and the JSON Lines format. Free text is made
 * safe ({@link io.mlconnector.core.audit.SafeText}) before it is stored, and secret-looking details are masked.
 */
package io.mlconnector.core.audit;

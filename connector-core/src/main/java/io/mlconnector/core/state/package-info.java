/**
 * The engine's durable state behind the {@link io.mlconnector.core.state.SyncStateStore} SPI: the ledger (source
 * record to target object, {@link io.mlconnector.core.state.LedgerEntry}), the polling cursors, the work queue
 * ({@link io.mlconnector.core.state.WorkItem}, claimed with leases, retried, parked or dead-lettered) and named leases.
 * An in-memory implementation lives here; connector-jdbc has the PostgreSQL and H2 ones.
 */
package io.mlconnector.core.state;

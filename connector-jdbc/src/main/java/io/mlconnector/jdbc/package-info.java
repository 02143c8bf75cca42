/**
 * PostgreSQL (and H2) implementations of the connector's storage SPIs over plain JDBC, so several host instances
 * share one truth: {@link io.mlconnector.jdbc.JdbcMappingStore}, {@link io.mlconnector.jdbc.JdbcAuditLog},
 * {@link io.mlconnector.jdbc.JdbcCredentialStore} and {@link io.mlconnector.jdbc.JdbcSyncStateStore}, plus
 * {@link io.mlconnector.jdbc.JdbcSchema}, which applies the versioned SQL migrations shipped in this jar.
 *
 * <pre>{@code
 * JdbcSchema.builder().dataSource(ds).tablePrefix("mlc_").build().migrate();   // idempotent, safe on every node
 * MappingStore mappings = JdbcMappingStore.builder().dataSource(ds).tablePrefix("mlc_").build();
 * AuditLog audit = JdbcAuditLog.builder().dataSource(ds).tablePrefix("mlc_").build();
 * SyncStateStore state = JdbcSyncStateStore.builder().dataSource(ds).tablePrefix("mlc_").build();
 * CredentialStore credentials = new EncryptedCredentialStore(                   // the table holds ciphertext only
 *         JdbcCredentialStore.builder().dataSource(ds).tablePrefix("mlc_").build(), keyProvider);
 * }</pre>
 *
 * <p>The host provides a {@link javax.sql.DataSource} (pooled or not); every store operation borrows one
 * connection, runs one short transaction and returns the connection. No ORM, no pool, no table locks. The SQL
 * dialect is detected from {@link java.sql.DatabaseMetaData} on first use. H2 works in its default mode and in
 * {@code MODE=PostgreSQL}.
 *
 * <p>Instants are stored as {@code BIGINT} nanoseconds since the epoch (columns ending in {@code _ns}), so a
 * {@link java.time.Instant} reads back exactly as it was written; the storable range is 1677-09-21 to 2262-04-11.
 *
 * <p>Classes in {@code io.mlconnector.jdbc.internal} are not API.
 */
package io.mlconnector.jdbc;

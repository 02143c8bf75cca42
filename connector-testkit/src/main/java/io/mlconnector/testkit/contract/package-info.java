/**
 * The SPI contract suites: JUnit 5 test classes that check an implementation of one of core's storage SPIs the way
 * core's own and the JDBC implementations are checked. Extend the suite for your SPI, return a fresh instance from
 * its factory method, and every inherited test runs against your implementation:
 * <ul>
 *   <li>{@link io.mlconnector.testkit.contract.MappingStoreContract} for a
 *       {@link io.mlconnector.core.mapping.MappingStore};</li>
 *   <li>{@link io.mlconnector.testkit.contract.CredentialStoreContract} for a
 *       {@link io.mlconnector.core.auth.CredentialStore} (compare-and-set versions, one winner per race);</li>
 *   <li>{@link io.mlconnector.testkit.contract.AuditSinkContract} for a write-only
 *       {@link io.mlconnector.core.audit.AuditSink}, {@link io.mlconnector.testkit.contract.AuditLogContract} for a
 *       readable {@link io.mlconnector.core.audit.AuditLog} (it includes the sink suite);</li>
 *   <li>{@link io.mlconnector.testkit.contract.SyncStateStoreContract} for a
 *       {@link io.mlconnector.core.state.SyncStateStore} (ledger, cursors, work queue, leases).</li>
 * </ul>
 * {@link io.mlconnector.testkit.contract.Race} starts tasks on several threads at the same moment, for the suites'
 * concurrency tests and for your own. The suites need JUnit Jupiter's engine on the test runtime path (any JUnit 5
 * project has it) and bring JUnit's API and AssertJ with them.
 */
package io.mlconnector.testkit.contract;

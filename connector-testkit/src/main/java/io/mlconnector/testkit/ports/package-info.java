/**
 * In-memory fakes of the connector's two ports, for testing an engine or a host without any server:
 * {@link io.mlconnector.testkit.ports.InMemoryAccountingSystem} (the accounting side, FreshBooks-like) and
 * {@link io.mlconnector.testkit.ports.InMemoryProjectSystem} (the project ledger, Procore-like). Both are stateful and
 * thread-safe, are seeded through small builders ({@link io.mlconnector.testkit.ports.DocumentSeed},
 * {@link io.mlconnector.testkit.ports.CommitmentSeed}, {@link io.mlconnector.testkit.ports.ChangeOrderSeed},
 * {@link io.mlconnector.testkit.ports.CostUpdateSeed}), count every port call and fail chosen calls on demand
 * ({@link io.mlconnector.testkit.ports.InstrumentedPort}) with ready-made failures from
 * {@link io.mlconnector.testkit.ports.Faults}.
 */
package io.mlconnector.testkit.ports;

/**
 * Test support shipped in connector-core's test-jar: stateful in-memory implementations of the two ports
 * ({@link io.mlconnector.core.testing.InMemoryAccountingSystem}, {@link io.mlconnector.core.testing.InMemoryProjectSystem})
 * with seeding, call counters and fault injection, ready-made failures ({@link io.mlconnector.core.testing.Faults}) and a
 * settable clock ({@link io.mlconnector.core.testing.MutableClock}).
 */
package io.mlconnector.core.testing;

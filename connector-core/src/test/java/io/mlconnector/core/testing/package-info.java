/**
 * Test support shipped in connector-core's test-jar for this repository's own tests: a settable clock
 * ({@link io.mlconnector.core.testing.MutableClock}). The in-memory port fakes are public API of connector-testkit
 * ({@code io.mlconnector.testkit.ports}).
 */
package io.mlconnector.core.testing;

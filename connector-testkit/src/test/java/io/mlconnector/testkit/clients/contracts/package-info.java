/**
 * Core's SPI contract suites ({@code io.mlconnector.core.contract}) run from connector-testkit: one concrete subclass
 * per SPI, proving the suites resolve through testkit's dependency on core's test-jar exactly as a user's own store
 * tests would.
 */
package io.mlconnector.testkit.clients.contracts;

/** The seeded sandboxes and wired connector the suites run against. */
package io.mlconnector.benchmarks.world;

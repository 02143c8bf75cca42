/** The benchmark runner ({@code -Dbench=...}): runs the chosen suites and prints one table of results. */
package io.mlconnector.benchmarks;

/** Result rows and the table the runner prints and writes to {@code target/benchmarks/results.md}. */
package io.mlconnector.benchmarks.report;

/** Throughput suite: records synced per second against sandboxes answering with 100 ms per call. */
package io.mlconnector.benchmarks.throughput;

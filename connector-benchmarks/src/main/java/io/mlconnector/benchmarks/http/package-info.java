/** Webhook acknowledgement latency over HTTP through the example host. */
package io.mlconnector.benchmarks.http;

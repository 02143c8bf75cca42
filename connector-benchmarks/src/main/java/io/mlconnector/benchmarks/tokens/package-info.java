/** Procore token traffic: token requests per API call over a simulated day. */
package io.mlconnector.benchmarks.tokens;

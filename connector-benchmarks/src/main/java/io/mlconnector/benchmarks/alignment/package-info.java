/** First-sync alignment suite: API calls and time to align 10,000 vendors. */
package io.mlconnector.benchmarks.alignment;

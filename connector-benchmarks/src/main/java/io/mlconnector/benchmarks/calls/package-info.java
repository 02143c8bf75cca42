/** API calls per synced record, counted from the sandboxes' request logs. */
package io.mlconnector.benchmarks.calls;

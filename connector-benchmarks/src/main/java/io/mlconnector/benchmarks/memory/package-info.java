/** Heap per connection behind the mapping cache. */
package io.mlconnector.benchmarks.memory;

/** Many connections on one engine and one PostgreSQL, then on two nodes (issue 18, "Scale: many connections"). */
package io.mlconnector.benchmarks.scale;

/** JMH benchmarks of the webhook intake in process. */
package io.mlconnector.benchmarks.intake;

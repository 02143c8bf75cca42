/** The example host: the JDK HTTP server with the webhook routes, {@code /health} and the guarded operator routes. */
package io.mlconnector.examples.host;

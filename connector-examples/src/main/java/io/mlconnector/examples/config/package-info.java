/** The example host's configuration, parsed from environment variables, with secrets masked. */
package io.mlconnector.examples.config;

/** {@code ping}: read-only checks of the configured FreshBooks and Procore credentials before going live. */
package io.mlconnector.examples.ping;

/**
 * The supported entry point for embedding: {@link io.mlconnector.runtime.MlConnector} builds a running connector
 * from what an ERP application already has (a {@code DataSource}, a key provider, the FreshBooks app and the Procore
 * service account settings, a scheduler) and adds, updates and removes contractors' connections while it runs. Every
 * part it builds (stores, audit sink, HTTP client, worker executor) can be replaced through its builder.
 */
package io.mlconnector.runtime;

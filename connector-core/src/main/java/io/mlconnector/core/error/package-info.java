/**
 * The one exception hierarchy of the connector, rooted in {@link io.mlconnector.core.error.ConnectorException}:
 * typed API failures decoded from HTTP answers ({@link io.mlconnector.core.error.ApiException} and its kinds:
 * authentication, permission, not found, conflict, validation, rate limited, server), transport failures, an
 * uncertain write outcome, and configuration errors. {@link io.mlconnector.core.error.ApiError} carries what the
 * vendor said, without secrets.
 */
package io.mlconnector.core.error;

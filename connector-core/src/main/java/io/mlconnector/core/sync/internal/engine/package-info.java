/**
 * The engine's machinery: webhook intake, the queue worker, the stream poller and its schedule, the connection
 * registry, backoff, health and month-end runs. Not API: may change in any release.
 */
package io.mlconnector.core.sync.internal.engine;

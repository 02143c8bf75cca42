/**
 * The sync engine's machinery behind {@link io.mlconnector.core.sync.SyncEngine}. Not API: embedders use the
 * {@code io.mlconnector.core.sync} package; everything under {@code internal} may change in any release.
 */
package io.mlconnector.core.sync.internal;

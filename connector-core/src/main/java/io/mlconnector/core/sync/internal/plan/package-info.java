/**
 * The values flows compute before they write: allocations of coded lines, document totals, cost changes and
 * fingerprints. Not API: may change in any release.
 */
package io.mlconnector.core.sync.internal.plan;

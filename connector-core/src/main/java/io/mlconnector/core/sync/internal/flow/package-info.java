/**
 * What every flow shares: the {@link io.mlconnector.core.sync.internal.flow.Flow} contract, the per-item
 * {@link io.mlconnector.core.sync.internal.flow.FlowContext}, work payloads and types, flags, the resolver, the
 * ledger-first posting to the project side ({@link io.mlconnector.core.sync.internal.flow.ProjectPosting}) and the
 * reference-data flows. Not API: may change in any release.
 */
package io.mlconnector.core.sync.internal.flow;

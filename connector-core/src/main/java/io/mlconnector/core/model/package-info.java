/**
 * The vendor-neutral model the engine works in: source documents and payments read from the accounting system,
 * commitments, cost codes, change orders and cost updates read from the project system, the drafts the engine posts,
 * {@link io.mlconnector.core.model.Money} and {@link io.mlconnector.core.model.ExternalRef}. All values are records.
 */
package io.mlconnector.core.model;

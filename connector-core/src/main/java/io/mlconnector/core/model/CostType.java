package io.mlconnector.core.model;

/**
 * A cost type (Procore "line item type"): labor, materials, equipment…
 *
 * @param ref  the cost type in its system
 * @param code short code, e.g. {@code M}
 * @param name name
 */
public record CostType(ExternalRef ref, String code, String name) {
}

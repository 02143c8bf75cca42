package io.mlconnector.core.model;

/**
 * A job-cost code. Procore cost codes are copied per project, so mappings name them by {@link #code()} (the full
 * code, e.g. {@code 03-300}) and the project system resolves the project-local id.
 *
 * @param ref        the cost code in its project (id is project-local); may be null for a code not yet resolved
 * @param code       full code, e.g. {@code 03-300}
 * @param name       description
 * @param externalId origin id, may be null
 */
public record CostCode(ExternalRef ref, String code, String name, String externalId) {
}

package io.mlconnector.core.sync.alignment;

import io.mlconnector.core.model.ExternalRef;

/**
 * One reference record as the matcher sees it.
 *
 * @param ref      the record (for audit)
 * @param id       the id mappings use (vendor/project/account id, or the full cost code)
 * @param name     display name
 * @param originId the project-side record's external id, null on the accounting side
 * @param code     account number or cost code, may be null
 * @param active   false when archived/inactive
 */
record Candidate(ExternalRef ref, String id, String name, String originId, String code, boolean active) {
}

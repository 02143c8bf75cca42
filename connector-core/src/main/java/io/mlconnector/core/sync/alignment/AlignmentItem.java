package io.mlconnector.core.sync.alignment;

/**
 * One line of an alignment report, naming both sides (a side is null when the record exists on the other side only).
 *
 * @param accountingId      accounting-side id (vendor, project or GL account id), may be null
 * @param accountingName    accounting-side name, may be null
 * @param projectSystemId   project-side id (vendor or project id, or the full cost code), may be null
 * @param projectSystemName project-side name, may be null
 * @param basis             why they were paired
 * @param note              a reason in words (why unmatched, what failed), may be null
 */
public record AlignmentItem(String accountingId, String accountingName, String projectSystemId,
                            String projectSystemName, MatchBasis basis, String note) {
}

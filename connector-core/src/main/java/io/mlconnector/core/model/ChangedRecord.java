package io.mlconnector.core.model;

/**
 * One entry of a "what changed since" listing: enough to enqueue work without fetching the record.
 *
 * @param ref     the record
 * @param version its change stamp (may be null when the system has none)
 * @param deleted whether it was deleted
 */
public record ChangedRecord(ExternalRef ref, String version, boolean deleted) {
}

package io.mlconnector.core.model;

/**
 * An object that exists in the target system as a result of our posting.
 *
 * @param kind       what it is
 * @param id         its id in the target system
 * @param project    its project, may be null for company-level objects
 * @param originId   the external id it carries (our source key)
 * @param total      its total as the target system reports it, may be null
 * @param status     status text, may be null
 * @param editable   whether the target system still allows edits
 */
public record PostedObject(TargetKind kind, String id, ProjectRef project, String originId, Money total,
                           String status, boolean editable) {
}

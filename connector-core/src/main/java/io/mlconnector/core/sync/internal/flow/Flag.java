package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.MappingKind;

/**
 * One reason a record cannot be posted until a person fixes something (a mapping, a currency, a locked target).
 *
 * @param outcome      the {@code FLAGGED_*} audit outcome
 * @param reason       precise text naming the missing or wrong id
 * @param unmappedKind the mapping that would fix it, recorded with {@code MappingStore.recordUnmapped}; null when
 *                     no mapping fixes it (currency, locked target)
 * @param unmappedId   the source id of that mapping
 * @param label        what it is, for people
 */
public record Flag(AuditOutcome outcome, String reason, MappingKind unmappedKind, String unmappedId, String label) {

    public Flag {
        if (!outcome.isFlag()) {
            throw new IllegalArgumentException("not a flag outcome: " + outcome);
        }
    }

    public static Flag of(AuditOutcome outcome, String reason) {
        return new Flag(outcome, reason, null, null, null);
    }

    public static Flag unmapped(AuditOutcome outcome, String reason, MappingKind kind, String sourceId, String label) {
        return new Flag(outcome, reason, kind, sourceId, label);
    }
}

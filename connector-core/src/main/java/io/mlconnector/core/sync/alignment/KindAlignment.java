package io.mlconnector.core.sync.alignment;

import java.util.List;
import java.util.Objects;

/**
 * The alignment outcome for one kind of reference data. Every record read on either side appears in exactly one
 * bucket (a many-to-one cost code mapping may name the same cost code in several matched items).
 *
 * @param kind      what was aligned
 * @param matched   pairs in force: confirmed mapping rows, origin-id links, and auto-confirmed name matches
 * @param suggested pairs proposed by name (or code) and written as suggested mappings, awaiting a person
 * @param created   records alignment created on the other side, now mapped
 * @param unmatched records found on one side only (or whose creation failed), with the reason
 */
public record KindAlignment(AlignmentKind kind, List<AlignmentItem> matched, List<AlignmentItem> suggested,
                            List<AlignmentItem> created, List<AlignmentItem> unmatched) {
    /**
     * Checks the components.
     *
     * @param kind what was aligned
     * @param matched pairs in force: confirmed mapping rows, origin-id links, and auto-confirmed name matches
     * @param suggested pairs proposed by name (or code) and written as suggested mappings, awaiting a person
     * @param created records alignment created on the other side, now mapped
     * @param unmatched records found on one side only (or whose creation failed), with the reason
     */
    public KindAlignment {
        Objects.requireNonNull(kind, "kind");
        matched = List.copyOf(matched);
        suggested = List.copyOf(suggested);
        created = List.copyOf(created);
        unmatched = List.copyOf(unmatched);
    }
}

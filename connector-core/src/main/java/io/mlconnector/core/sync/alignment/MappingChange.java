package io.mlconnector.core.sync.alignment;

import io.mlconnector.core.mapping.Mapping;

/**
 * One change {@link ReferenceDataAlignment#applyChange} made to the mapping table.
 *
 * @param action  what happened
 * @param mapping the mapping as now stored
 */
public record MappingChange(Action action, Mapping mapping) {

    /** What a reference-data change did to a mapping. */
    public enum Action {
        /** A new record carrying the other side's id as origin id was linked by a new confirmed mapping. */
        LINKED,
        /** A name changed on one side; the mapping's label and name attributes follow. */
        RENAMED,
        /** A side was deactivated or deleted; the mapping stays (history still needs it) and is annotated. */
        DEACTIVATED,
        /** A deactivated side is active again; the annotation is removed. */
        REACTIVATED
    }
}

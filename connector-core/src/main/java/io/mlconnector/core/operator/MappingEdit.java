package io.mlconnector.core.operator;

import io.mlconnector.core.mapping.Mapping;
import java.util.Objects;

/**
 * A mapping change a person made, as audited ({@code MAPPING_EDITED}).
 *
 * @param who    who made it ({@code console:<name>}, {@code api}, {@code file})
 * @param before the mapping before, null when there was none
 * @param after  the mapping after, null when it was removed
 */
public record MappingEdit(String who, Mapping before, Mapping after) {
    /**
     * Checks the components.
     *
     * @param who who made it
     * @param before the mapping before, may be null
     * @param after the mapping after, may be null
     */
    public MappingEdit {
        Objects.requireNonNull(who, "who");
        if (before == null && after == null) {
            throw new IllegalArgumentException("an edit has a before or an after");
        }
    }

    /**
     * Whether the edit changed anything (target, status or attributes).
     *
     * @return false when before and after are the same mapping apart from their time stamp and label
     */
    public boolean changed() {
        if (before == null || after == null) {
            return true;
        }
        return !before.targetId().equals(after.targetId()) || before.status() != after.status()
                || !before.attributes().equals(after.attributes());
    }
}

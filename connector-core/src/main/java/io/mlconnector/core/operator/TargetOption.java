package io.mlconnector.core.operator;

import java.util.Objects;

/**
 * One record of the other system that a mapping may point to (a Procore vendor, project or cost code; a FreshBooks
 * expense category for cost code mappings).
 *
 * @param id     the id a mapping stores as its target (vendor or project id, or the full cost code)
 * @param name   the record's name, may be null
 * @param active false when the record is inactive or archived
 */
public record TargetOption(String id, String name, boolean active) {
    /**
     * Checks the components.
     *
     * @param id the target id
     * @param name the name, may be null
     * @param active whether the record is active
     */
    public TargetOption {
        Objects.requireNonNull(id, "id");
    }

    /**
     * The name, or the id when there is none.
     *
     * @return what to show
     */
    public String display() {
        return name == null || name.isBlank() ? id : name;
    }
}

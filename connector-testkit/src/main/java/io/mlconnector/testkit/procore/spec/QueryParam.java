package io.mlconnector.testkit.procore.spec;

import java.util.Objects;

/**
 * A query parameter of a Procore operation.
 *
 * @param name     the parameter name as the spec spells it, e.g. {@code project_id} or {@code filters[updated_at]}
 * @param type     {@code integer}, {@code string}, {@code boolean}, {@code number}, {@code string:date},
 *                 {@code string:date-time}, {@code [integer]} (an array), {@code object} or {@code any}
 * @param required whether Procore refuses the call without it
 */
public record QueryParam(String name, String type, boolean required) {

    /**
     * Validates the components.
     *
     * @param name the parameter name as the spec spells it, e.g. {@code project_id} or {@code filters[updated_at]}
     * @param type {@code integer}, {@code string}, {@code boolean}, {@code number}, {@code string:date}, {@code
     *     string:date-time}, {@code [integer]} (an array), {@code object} or {@code any}
     * @param required whether Procore refuses the call without it
     */
    public QueryParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}

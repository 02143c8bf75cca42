package io.mlconnector.testkit.procore.spec;

import java.util.Map;
import java.util.Objects;

/**
 * A request matched to an operation.
 *
 * @param operation  the operation
 * @param pathParams the values of the template's path parameters, by the spec's names
 */
public record OperationMatch(Operation operation, Map<String, String> pathParams) {

    /**
     * Validates and copies the components.
     *
     * @param operation the operation
     * @param pathParams the values of the template's path parameters, by the spec's names
     */
    public OperationMatch {
        Objects.requireNonNull(operation, "operation");
        pathParams = Map.copyOf(pathParams);
    }
}

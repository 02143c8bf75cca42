package io.mlconnector.testkit.procore.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * The success response of an operation the client calls.
 *
 * @param status the status Procore answers with (200, else 201, 202 or 204)
 * @param schema the body's type tree (see {@link TypeTree}); a JSON null when the spec shows no body
 */
public record OperationResponse(int status, JsonNode schema) {

    /**
     * Validates the components; a missing schema becomes a JSON null.
     *
     * @param status the status Procore answers with (200, else 201, 202 or 204)
     * @param schema the body's type tree (see {@link TypeTree}); a JSON null when the spec shows no body
     */
    public OperationResponse {
        schema = schema == null ? NullNode.getInstance() : schema;
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("not a success status: " + status);
        }
    }

    /**
     * Whether the spec shows a body for this response.
     *
     * @return whether the spec shows a body for this response
     */
    public boolean hasBody() {
        return !schema.isNull();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperationResponse r && r.status == status && r.schema.equals(schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, schema);
    }
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Procore request refused by a business rule: HTTP status plus the JSON error body to answer with. */
public final class ProcoreValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int status;
    private final transient JsonNode body;

    /**
     * A refusal with a prepared body.
     *
     * @param status the status
     * @param body the request body
     */
    public ProcoreValidationException(int status, JsonNode body) {
        super("HTTP " + status + " " + body);
        this.status = status;
        this.body = body;
    }

    /** 422 {@code {"errors":{"<field>":["<message>"]}}}. */
    static ProcoreValidationException unprocessable(String field, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("errors").putArray(field).add(message);
        return new ProcoreValidationException(422, body);
    }

    /** 404 {@code {"error":"Resource not found"}} (also what Procore answers for things the caller cannot see). */
    static ProcoreValidationException notFound() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", "Resource not found");
        return new ProcoreValidationException(404, body);
    }

    /** 400 for a missing parameter. */
    static ProcoreValidationException missing(String param) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", "param is missing or the value is empty: " + param);
        return new ProcoreValidationException(400, body);
    }

    /**
     * HTTP status.
     *
     * @return HTTP status
     */
    public int status() {
        return status;
    }

    /**
     * JSON error body.
     *
     * @return JSON error body
     */
    public JsonNode body() {
        return body;
    }
}

package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.HttpProblem;
import io.mlconnector.testkit.server.Json;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.List;

/** Error bodies of each FreshBooks namespace (api/freshbooks.md §1.3, §4.1). */
final class FreshBooksErrors {

    static final String UNAUTHORIZED_MESSAGE =
        "The server could not verify that you are authorized to access the URL requested.";

    private final Json json;
    private volatile AccountingErrorStyle style;

    FreshBooksErrors(Json json, AccountingErrorStyle style) {
        this.json = json;
        this.style = style;
    }

    void style(AccountingErrorStyle style) {
        this.style = style;
    }

    /** Accounting namespace error in the configured style. */
    SandboxResponse accounting(int status, int errno, String object, String field, String value, String message) {
        boolean grpc = style == AccountingErrorStyle.GRPC || (style == AccountingErrorStyle.MIXED && status == 401);
        if (grpc) {
            ObjectNode body = json.object();
            body.put("code", grpcCode(status));
            body.put("message", "Request failed with status_code: " + status);
            ObjectNode detail = body.putArray("details").addObject();
            detail.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
            detail.put("reason", Integer.toString(errno));
            detail.put("domain", "accounting.api.freshbooks.com");
            ObjectNode meta = detail.putObject("metadata");
            meta.put("object", object == null ? "" : object);
            meta.put("message", message);
            meta.put("value", value == null ? "" : value);
            meta.put("field", field == null ? "" : field);
            return json.response(status, body);
        }
        ObjectNode body = json.object();
        ObjectNode error = body.putObject("response").putArray("errors").addObject();
        error.put("errno", errno);
        if (field != null && !field.isEmpty()) {
            error.put("field", field);
        }
        error.put("message", message);
        if (object != null && !object.isEmpty()) {
            error.put("object", object);
        }
        if (value != null && !value.isEmpty()) {
            error.put("value", value);
        }
        return json.response(status, body);
    }

    SandboxResponse accounting(FreshBooksValidationException e) {
        return accounting(e.status(), e.errno(), e.object(), e.field(), e.value(), e.getMessage());
    }

    SandboxResponse accountingUnauthorized() {
        return accounting(401, 1003, "", "", "", UNAUTHORIZED_MESSAGE);
    }

    private static int grpcCode(int status) {
        switch (status) {
            case 400:
            case 422:
                return 3;
            case 401:
                return 16;
            case 403:
                return 7;
            case 404:
                return 5;
            case 409:
                return 10;
            case 429:
                return 8;
            default:
                return 13;
        }
    }

    /** Auth namespace 401. */
    SandboxResponse authUnauthenticated() {
        ObjectNode body = json.object();
        body.put("error", "unauthenticated");
        body.put("error_description", "This action requires authentication to continue.");
        return json.response(401, body);
    }

    /** OAuth token endpoint error ({@code invalid_grant}, {@code invalid_client}, ...). */
    SandboxResponse oauth(int status, String error, String description) {
        ObjectNode body = json.object();
        body.put("error", error);
        body.put("error_description", description);
        return json.response(status, body);
    }

    /** Events (callbacks) namespace error. */
    SandboxResponse events(int errno, String message, List<String> details) {
        ObjectNode body = json.object();
        body.put("errno", errno);
        body.put("message", message);
        if (details != null && !details.isEmpty()) {
            ArrayNode d = body.putArray("details");
            details.forEach(d::add);
        }
        return json.response(errno, body);
    }

    SandboxResponse eventsUnauthorized() {
        return events(401, "invalid_token: The request token failed to authenticate or validate.", null);
    }

    SandboxResponse eventsNotFound() {
        return events(404, "Requested resource could not be found.", null);
    }

    /** Projects namespace errors. */
    SandboxResponse projectsNotFound() {
        ObjectNode body = json.object();
        body.put("error", "Requested resource could not be found.");
        return json.response(404, body);
    }

    SandboxResponse projectsUnauthorized() {
        ObjectNode body = json.object();
        body.put("message", UNAUTHORIZED_MESSAGE + " You either supplied the wrong credentials (e.g. a bad password),"
            + " or your browser doesn't understand how to supply the credentials required.");
        return json.response(401, body);
    }

    SandboxResponse projectsValidation(String field, String message) {
        ObjectNode body = json.object();
        body.put("errno", 2001);
        ObjectNode error = body.putObject("error");
        error.put(field, message);
        return json.response(422, body);
    }

    /** Generic injected 5xx body. */
    SandboxResponse serverError(int status) {
        ObjectNode body = json.object();
        body.put("error", status == 503 ? "Service Unavailable" : "Internal Server Error");
        body.put("error_description", "Injected by the sandbox fault knobs.");
        return json.response(status, body);
    }

    static HttpProblem problem(SandboxResponse response) {
        return new HttpProblem(response);
    }
}

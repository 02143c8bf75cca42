package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.procore.spec.Operation;
import io.mlconnector.testkit.procore.spec.OperationMatch;
import io.mlconnector.testkit.procore.spec.ProcoreOperations;
import io.mlconnector.testkit.server.Json;
import io.mlconnector.testkit.server.Params;
import io.mlconnector.testkit.server.RequestFilter;
import io.mlconnector.testkit.server.RouteHandler;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every request against Procore's published operations before it is routed: a method and path that is no
 * Procore operation answers 404; an authenticated request that lacks a required query parameter answers 400, one
 * whose body lacks a required field 422 {@code {"errors":{"<field>":["can't be blank"]}}} (api/procore.md §5.1),
 * a nested field named below its wrapper ({@code vendor_id} for {@code direct_cost.vendor_id}).
 * Requests without a valid token go on to their handler, which answers 401 as Procore does before it looks at
 * parameters.
 */
final class SpecConformance implements RequestFilter {

    private final Json json;
    private final ProcoreOperations operations;
    private final ProcoreAuth auth;

    SpecConformance(Json json, ProcoreOperations operations, ProcoreAuth auth) {
        this.json = json;
        this.operations = operations;
        this.auth = auth;
    }

    @Override
    public SandboxResponse filter(SandboxRequest req, RouteHandler next) {
        Optional<OperationMatch> match = operations.match(req.method(), req.path());
        if (match.isEmpty()) {
            ObjectNode body = json.object();
            body.put("error", "Resource not found");
            return json.response(404, body);
        }
        Operation op = match.get().operation();
        boolean oauth = req.path().startsWith("/oauth/");
        if (!oauth && auth.valid(req.bearerToken().orElse(null)).isEmpty()) {
            return next.handle(req);
        }
        List<String> missingQuery = op.missingQuery(given(req.query()));
        if (!missingQuery.isEmpty()) {
            ObjectNode body = json.object();
            body.put("error", "param is missing or the value is empty: " + missingQuery.get(0));
            return json.response(400, body);
        }
        if (!op.bodyRequired().isEmpty()) {
            List<String> missing = op.missingBodyFields(body(req));
            if (!missing.isEmpty()) {
                return oauth ? oauthInvalidRequest(missing) : blank(missing);
            }
        }
        return next.handle(req);
    }

    private static Set<String> given(Params query) {
        Set<String> names = new LinkedHashSet<>();
        for (Params.Entry e : query.entries()) {
            if (!e.value().isBlank()) {
                names.add(e.name());
            }
        }
        return names;
    }

    /** The body as a JSON tree: JSON as sent, a form or multipart body as nested objects ({@code a[b]=1}). */
    private JsonNode body(SandboxRequest req) {
        String type = req.mediaType();
        if (type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data")) {
            ObjectNode root = json.object();
            for (Params.Entry e : req.bodyParams(json).entries()) {
                put(root, e.name(), e.value());
            }
            return root;
        }
        return json.tryRead(req.body()).orElse(json.object());
    }

    private static void put(ObjectNode root, String name, String value) {
        String[] keys = name.replace("]", "").split("\\[");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(keys[i]);
        }
        node.put(keys[keys.length - 1], value);
    }

    /** 422 naming each field as Rails does, without the body's wrapper object ({@code direct_cost.vendor_id}). */
    private SandboxResponse blank(List<String> missing) {
        ObjectNode body = json.object();
        ObjectNode errors = body.putObject("errors");
        for (String f : missing) {
            int dot = f.indexOf('.');
            String name = dot > 0 && !f.substring(0, dot).endsWith("[]") ? f.substring(dot + 1) : f;
            errors.putArray(name).add("can't be blank");
        }
        return json.response(422, body);
    }

    private SandboxResponse oauthInvalidRequest(List<String> missing) {
        ObjectNode body = json.object();
        body.put("error", "invalid_request");
        body.put("error_description", "The request is missing a required parameter: " + missing.get(0) + ".");
        return json.response(400, body);
    }
}

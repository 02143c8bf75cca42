package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.HttpProblem;
import io.mlconnector.testkit.server.Json;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.time.Clock;
import java.util.function.Supplier;

/** What the FreshBooks HTTP handlers share: state, auth, errors and small request helpers. */
record FbContext(Json json, Clock clock, FreshBooksIdentity identity, FreshBooksAuth auth, FreshBooksStore store,
                 FreshBooksCallbacks callbacks, FreshBooksErrors errors, UnlistedParamKnobs unlistedParams) {

    /** Fails with {@code unauthorized} unless the request carries a valid, unexpired bearer token. */
    void requireToken(SandboxRequest req, Supplier<SandboxResponse> unauthorized) {
        String token = req.bearerToken().orElse(null);
        if (token == null || !auth.valid(token)) {
            throw new HttpProblem(unauthorized.get());
        }
    }

    /** The body as a JSON object, or a problem built by {@code bad}. */
    ObjectNode jsonBody(SandboxRequest req, Supplier<SandboxResponse> bad) {
        JsonNode node = json.tryRead(req.body()).orElse(null);
        if (node == null || !node.isObject()) {
            throw new HttpProblem(bad.get());
        }
        return (ObjectNode) node;
    }

    /** A numeric path variable; {@code notFound} when it is not a number. */
    static long idVar(SandboxRequest req, String name, Supplier<SandboxResponse> notFound) {
        try {
            return Long.parseLong(req.pathVar(name));
        } catch (NumberFormatException e) {
            throw new HttpProblem(notFound.get());
        }
    }
}

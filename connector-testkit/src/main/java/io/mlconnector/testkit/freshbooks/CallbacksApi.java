package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.HttpProblem;
import io.mlconnector.testkit.server.Params;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The events namespace: {@code /events/account/{account_id}/events/callbacks[/{id}]} (api/freshbooks.md §5.1). */
final class CallbacksApi {

    private static final String BASE = "/events/account/{accountId}/events/callbacks";
    private static final String SEMANTIC =
        "The request was well-formed but was unable to be followed due to semantic errors.";

    private final FbContext ctx;

    CallbacksApi(FbContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        router.add("GET", BASE, this::list)
            .add("POST", BASE, this::create)
            .add("GET", BASE + "/{id}", this::get)
            .add("PUT", BASE + "/{id}", this::update)
            .add("DELETE", BASE + "/{id}", this::delete);
    }

    private void guard(SandboxRequest req) {
        ctx.requireToken(req, ctx.errors()::eventsUnauthorized);
        if (!ctx.identity().accountId().equals(req.pathVar("accountId"))) {
            throw new HttpProblem(ctx.errors().eventsNotFound());
        }
    }

    private ObjectNode view(Callback cb) {
        ObjectNode n = ctx.json().object();
        n.put("callbackid", cb.id());
        n.put("id", cb.id());
        n.put("verified", cb.verified());
        n.put("uri", cb.uri());
        n.put("event", cb.event());
        n.put("updated_at", FbTime.isoZ(cb.updatedAt()));
        return n;
    }

    private SandboxResponse single(Callback cb) {
        ObjectNode body = ctx.json().object();
        body.putObject("response").putObject("result").set("callback", view(cb));
        return ctx.json().response(200, body);
    }

    private Callback find(SandboxRequest req) {
        long id = FbContext.idVar(req, "id", ctx.errors()::eventsNotFound);
        return ctx.callbacks().get(id).orElseThrow(() -> new HttpProblem(ctx.errors().eventsNotFound()));
    }

    private SandboxResponse list(SandboxRequest req) {
        guard(req);
        Params q = req.query();
        int page = Math.max(1, parse(q.get("page", "1"), 1));
        int perPage = Math.min(100, Math.max(1, parse(q.get("per_page", "15"), 15)));
        List<Callback> all = new ArrayList<>(ctx.callbacks().list());
        q.first("search[event]").ifPresent(e -> all.removeIf(cb -> !(cb.covers(e) || e.startsWith(cb.event() + ".")
            || cb.event().equals(e))));
        q.first("search[uri]").ifPresent(u -> all.removeIf(cb -> !cb.uri().equals(u)));
        int total = all.size();
        int from = Math.min(total, (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        ObjectNode body = ctx.json().object();
        ObjectNode result = body.putObject("response").putObject("result");
        ArrayNode list = result.putArray("callbacks");
        all.subList(from, to).forEach(cb -> list.add(view(cb)));
        result.put("page", page);
        result.put("pages", Math.max(1, (total + perPage - 1) / perPage));
        result.put("per_page", perPage);
        result.put("total", total);
        return ctx.json().response(200, body);
    }

    private static int parse(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private ObjectNode input(SandboxRequest req) {
        ObjectNode body = ctx.jsonBody(req, () -> ctx.errors().events(422, SEMANTIC, List.of("callback: invalid")));
        JsonNode cb = body.get("callback");
        if (cb == null || !cb.isObject()) {
            throw new HttpProblem(ctx.errors().events(422, SEMANTIC, List.of("callback: Field required")));
        }
        return (ObjectNode) cb;
    }

    private static boolean validUri(String uri) {
        try {
            URI u = URI.create(uri);
            return u.isAbsolute() && u.getHost() != null
                && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<String> problems(String event, String uri, boolean required) {
        List<String> details = new ArrayList<>();
        if ((event != null || required) && !FreshBooksCallbacks.knownEvent(event)) {
            details.add("event: Value error, Unrecognized event.");
        }
        if ((uri != null || required) && (uri == null || !validUri(uri))) {
            details.add("uri: Input should be a valid URL, relative URL without a base");
        }
        return details;
    }

    private SandboxResponse create(SandboxRequest req) {
        guard(req);
        ObjectNode in = input(req);
        String event = in.hasNonNull("event") ? in.get("event").asText() : null;
        String uri = in.hasNonNull("uri") ? in.get("uri").asText() : null;
        List<String> details = problems(event, uri, true);
        if (!details.isEmpty()) {
            return ctx.errors().events(422, SEMANTIC, details);
        }
        return single(ctx.callbacks().create(event, uri, null, false));
    }

    private SandboxResponse get(SandboxRequest req) {
        guard(req);
        return single(find(req));
    }

    private SandboxResponse update(SandboxRequest req) {
        guard(req);
        Callback cb = find(req);
        ObjectNode in = input(req);
        if (in.hasNonNull("verifier")) {
            if (!ctx.callbacks().verify(cb.id(), in.get("verifier").asText())) {
                return ctx.errors().events(422, SEMANTIC, List.of("verifier: Value error, Invalid verifier."));
            }
            return single(ctx.callbacks().get(cb.id()).orElseThrow());
        }
        if (in.path("resend").asBoolean(false)) {
            ctx.callbacks().resend(cb.id());
            return single(cb);
        }
        String event = in.hasNonNull("event") ? in.get("event").asText() : null;
        String uri = in.hasNonNull("uri") ? in.get("uri").asText() : null;
        List<String> details = problems(event, uri, false);
        if (!details.isEmpty()) {
            return ctx.errors().events(422, SEMANTIC, details);
        }
        return single(ctx.callbacks().update(cb.id(), event, uri));
    }

    private SandboxResponse delete(SandboxRequest req) {
        guard(req);
        Callback cb = find(req);
        ctx.callbacks().delete(cb.id());
        return SandboxResponse.empty(204);
    }
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.HttpProblem;
import io.mlconnector.testkit.server.Json;
import io.mlconnector.testkit.server.Params;
import io.mlconnector.testkit.server.RouteHandler;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the Procore HTTP handlers share: models, auth, request guards, v1 filters and paging. */
final class PcContext {

    /** Finds one object of a project by id (404 when it is not there). */
    @FunctionalInterface
    interface ProjectLookup {
        ObjectNode find(long companyId, long projectId, long id);
    }

    /**
     * A scoped write: the caller, its JSON body and the scope id the request names ({@code project_id} or
     * {@code company_id}, from the query or else the body).
     */
    record ScopedWrite(Caller caller, ObjectNode body, long scopeId) {
        long companyId() {
            return caller.companyId();
        }

        Actor actor() {
            return caller.actor();
        }
    }

    /** The authenticated caller of a {@code /rest/} request. */
    record Caller(long companyId, ProcoreAuth.Grant grant) {
        Actor actor() {
            return new Actor(true, grant.app().userId(), grant.app().clientId());
        }
    }

    final Json json;
    final ProcoreStore store;
    final ProcoreAuth auth;
    final DirectoryModel directory;
    final CommitmentModel commitments;
    final BillingModel billing;
    final DirectCostModel directCosts;
    final BudgetChangeModel budgetChanges;
    final ProcoreWebhooks webhooks;

    PcContext(Json json, ProcoreStore store, ProcoreAuth auth, DirectoryModel directory, CommitmentModel commitments,
              BillingModel billing, DirectCostModel directCosts, BudgetChangeModel budgetChanges,
              ProcoreWebhooks webhooks) {
        this.json = json;
        this.store = store;
        this.auth = auth;
        this.directory = directory;
        this.commitments = commitments;
        this.billing = billing;
        this.directCosts = directCosts;
        this.budgetChanges = budgetChanges;
        this.webhooks = webhooks;
    }

    /** Wraps a handler so model refusals become their HTTP answers. */
    RouteHandler safe(RouteHandler h) {
        return req -> {
            try {
                return h.handle(req);
            } catch (ProcoreValidationException e) {
                return json.response(e.status(), e.body());
            }
        };
    }

    SandboxResponse unauthorized() {
        ObjectNode body = json.object();
        body.put("error", "invalid_token");
        body.put("error_description", "The access token is invalid");
        return json.response(401, body).withHeader("WWW-Authenticate",
            "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\"");
    }

    /** Token, then {@code Procore-Company-Id}, then that the app is installed in that company. */
    Caller caller(SandboxRequest req) {
        ProcoreAuth.Grant grant = auth.valid(req.bearerToken().orElse(null))
            .orElseThrow(() -> new HttpProblem(unauthorized()));
        String header = req.header("Procore-Company-Id").map(String::trim).orElse("");
        if (header.isEmpty()) {
            throw new HttpProblem(SandboxResponse.text(400, "Missing Procore-Company-Id header! Every request must "
                + "carry the Procore-Company-Id header with the id of the company it concerns."));
        }
        long companyId;
        try {
            companyId = Long.parseLong(header);
        } catch (NumberFormatException e) {
            companyId = -1;
        }
        if (companyId < 0 || store.get(PcKind.COMPANY, companyId).isEmpty()) {
            ObjectNode body = json.object();
            body.put("error", "App is not connected to this company");
            throw new HttpProblem(json.response(403, body));
        }
        return new Caller(companyId, grant);
    }

    /** A JSON object body, or 400. */
    ObjectNode body(SandboxRequest req) {
        JsonNode node = json.tryRead(req.body()).orElse(null);
        if (node == null || !node.isObject()) {
            ObjectNode body = json.object();
            body.put("error", "There was a problem parsing the JSON body");
            throw new HttpProblem(json.response(400, body));
        }
        return (ObjectNode) node;
    }

    /** The object under {@code key} in the body, or 400. */
    static JsonNode wrapped(ObjectNode body, String key) {
        JsonNode inner = body.get(key);
        if (inner == null || !inner.isObject()) {
            throw ProcoreValidationException.missing(key);
        }
        return inner;
    }

    /** A numeric scope id from the query or, failing that, the body; 400 when missing. */
    static long scopeId(SandboxRequest req, ObjectNode body, String name) {
        String v = req.query().first(name).orElse(null);
        if ((v == null || v.isBlank()) && body != null && body.hasNonNull(name)) {
            v = body.get(name).asText();
        }
        if (v == null || v.isBlank()) {
            throw ProcoreValidationException.missing(name);
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ProcoreValidationException.notFound();
        }
    }

    static long pathId(SandboxRequest req, String var) {
        try {
            return Long.parseLong(req.pathVar(var));
        } catch (NumberFormatException e) {
            throw ProcoreValidationException.notFound();
        }
    }

    /** The company the request names in {@code company_id}, which must be the header's company. */
    static long companyScope(SandboxRequest req, ObjectNode body, Caller caller) {
        long companyId = scopeId(req, body, "company_id");
        if (companyId != caller.companyId()) {
            throw ProcoreValidationException.notFound();
        }
        return companyId;
    }

    /** The project named in the query's (v1) {@code project_id}, which must belong to the caller's company. */
    long queryProject(SandboxRequest req, Caller caller) {
        long projectId = scopeId(req, null, "project_id");
        directory.project(caller.companyId(), projectId);
        return projectId;
    }

    /** The project named by the path variable {@code projectId}, which must belong to the caller's company. */
    long pathProject(SandboxRequest req, Caller caller) {
        long projectId = pathId(req, "projectId");
        directory.project(caller.companyId(), projectId);
        return projectId;
    }

    /** A write to the project named in {@code project_id} (existence is left to the model). */
    ScopedWrite projectWrite(SandboxRequest req) {
        Caller c = caller(req);
        ObjectNode body = body(req);
        return new ScopedWrite(c, body, scopeId(req, body, "project_id"));
    }

    /** A write to the company named in {@code company_id}, which must be the header's company. */
    ScopedWrite companyWrite(SandboxRequest req) {
        Caller c = caller(req);
        ObjectNode body = body(req);
        return new ScopedWrite(c, body, companyScope(req, body, c));
    }

    /** GET of one object of the query's project by the path's {@code id}, rendered with {@code render}. */
    SandboxResponse showInProject(SandboxRequest req, ProjectLookup lookup, Function<ObjectNode, JsonNode> render) {
        Caller c = caller(req);
        long projectId = queryProject(req, c);
        return ok(render.apply(lookup.find(c.companyId(), projectId, pathId(req, "id"))));
    }

    SandboxResponse ok(JsonNode node) {
        return json.response(200, node);
    }

    SandboxResponse created(JsonNode node) {
        return json.response(201, node);
    }

    // ---- filters ----------------------------------------------------------------------------------------------

    /** Applies {@code filters[...]} of the query; {@code special} names filters the caller handles itself. */
    List<ObjectNode> filter(List<ObjectNode> docs, Params query, Set<String> special) {
        synchronized (store) {
            return filterUnlocked(docs, query, special);
        }
    }

    private static List<ObjectNode> filterUnlocked(List<ObjectNode> docs, Params query, Set<String> special) {
        Predicate<ObjectNode> p = d -> true;
        List<String> seen = new ArrayList<>();
        for (Params.Entry e : query.entries()) {
            String name = e.name();
            String prefix = name.startsWith("filters[") ? "filters[" : name.startsWith("filter[") ? "filter[" : null;
            if (prefix == null || name.indexOf(']') < 0) {
                continue;
            }
            String key = name.substring(prefix.length(), name.indexOf(']'));
            if (special.contains(key) || key.equals("include_deleted") || seen.contains(key)) {
                continue;
            }
            seen.add(key);
            List<String> values = new ArrayList<>();
            query.entries().stream().filter(x -> x.name().startsWith(prefix + key + "]"))
                .forEach(x -> values.addAll(List.of(x.value().split(","))));
            p = p.and(predicate(key, values));
        }
        return docs.stream().filter(p).toList();
    }

    private static Predicate<ObjectNode> predicate(String key, List<String> values) {
        if (key.equals("updated_at") || key.equals("created_at") || key.endsWith("_date") || key.equals("reviewed_at")) {
            Instant[] range = range(values.get(0));
            return d -> {
                String v = d.path(key).asText(null);
                if (v == null || v.isEmpty() || v.equals("null")) {
                    return false;
                }
                Instant t = instant(v, false);
                return !t.isBefore(range[0]) && t.isBefore(range[1]);
            };
        }
        if (key.equals("search")) {
            String needle = values.get(0).toLowerCase(Locale.ROOT);
            return d -> List.of("name", "title", "origin_code", "abbreviated_name", "legal_name", "trade_name").stream()
                .anyMatch(f -> d.path(f).asText("").toLowerCase(Locale.ROOT).contains(needle));
        }
        return d -> {
            JsonNode v = d.get(key);
            if (v == null && key.endsWith("_id")) {
                v = d.path(key.substring(0, key.length() - 3)).get("id");
            }
            if (v == null) {
                return true;
            }
            String text = v.isNull() ? "" : v.asText();
            return values.stream().anyMatch(x -> x.equalsIgnoreCase(text));
        };
    }

    /** Parses {@code a...b}; date-only ends cover whole days. */
    static Instant[] range(String raw) {
        String s = raw.replace("\"", "").trim();
        String[] parts = s.split("\\.\\.\\.", -1);
        try {
            Instant from = parts[0].isBlank() ? Instant.MIN : instant(parts[0], false);
            Instant to = parts.length < 2 || parts[1].isBlank() ? Instant.MAX : instant(parts[1], true);
            return new Instant[] {from, to};
        } catch (DateTimeParseException e) {
            throw new ProcoreValidationException(400, new com.fasterxml.jackson.databind.node.ObjectNode(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance).put("error", "invalid date range: "
                + raw));
        }
    }

    static Instant instant(String text, boolean endExclusive) {
        String t = text.trim();
        if (t.length() == 10) {
            LocalDate d = LocalDate.parse(t);
            return (endExclusive ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        Instant i = t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$") ? OffsetDateTime.parse(t).toInstant()
            : java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        return endExclusive ? i.plusSeconds(1) : i;
    }

    // ---- paging -----------------------------------------------------------------------------------------------

    /** A v1 list answer: bare array of one page, {@code Total}, {@code Per-Page} and {@code Link} headers. */
    SandboxResponse page(SandboxRequest req, List<ObjectNode> docs, Function<ObjectNode, JsonNode> render) {
        Params q = req.query();
        int perPage = clamp(q.get("per_page", "100"), 100, 1, 10_000);
        int page = clamp(q.get("page", "1"), 1, 1, Integer.MAX_VALUE);
        int total = docs.size();
        int last = Math.max(1, (total + perPage - 1) / perPage);
        int from = (int) Math.min(total, (long) (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        ArrayNode arr = json.array();
        synchronized (store) {
            docs.subList(from, to).forEach(d -> arr.add(render.apply(d)));
        }
        SandboxResponse r = json.response(200, arr).withHeader("Total", Integer.toString(total))
            .withHeader("Per-Page", Integer.toString(perPage));
        List<String> links = new ArrayList<>();
        Params base = q.with("per_page", Integer.toString(perPage));
        String url = req.baseUrl() + req.path() + "?";
        if (page > 1) {
            links.add("<" + url + base.with("page", "1").encode() + ">; rel=\"first\"");
            links.add("<" + url + base.with("page", Integer.toString(Math.min(page - 1, last))).encode()
                + ">; rel=\"prev\"");
        }
        if (page < last) {
            links.add("<" + url + base.with("page", Integer.toString(last)).encode() + ">; rel=\"last\"");
            links.add("<" + url + base.with("page", Integer.toString(page + 1)).encode() + ">; rel=\"next\"");
        }
        return links.isEmpty() ? r : r.withHeader("Link", String.join(", ", links));
    }

    /**
     * A REST v2 list answer (api/procore.md §0.2): one page wrapped in {@code {"data": [...]}}, default page size 10,
     * at most 100, with the same {@code Total}, {@code Per-Page} and {@code Link} headers as v1.
     */
    SandboxResponse pageV2(SandboxRequest req, List<ObjectNode> docs, Function<ObjectNode, JsonNode> render) {
        Params q = req.query();
        int perPage = clamp(q.get("per_page", "10"), 10, 1, 100);
        int page = clamp(q.get("page", "1"), 1, 1, Integer.MAX_VALUE);
        int total = docs.size();
        int last = Math.max(1, (total + perPage - 1) / perPage);
        int from = (int) Math.min(total, (long) (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        ObjectNode body = json.object();
        ArrayNode arr = body.putArray("data");
        synchronized (store) {
            docs.subList(from, to).forEach(d -> arr.add(render.apply(d)));
        }
        SandboxResponse r = json.response(200, body).withHeader("Total", Integer.toString(total))
            .withHeader("Per-Page", Integer.toString(perPage));
        List<String> links = new ArrayList<>();
        Params base = q.with("per_page", Integer.toString(perPage));
        String url = req.baseUrl() + req.path() + "?";
        if (page > 1) {
            links.add("<" + url + base.with("page", "1").encode() + ">; rel=\"first\"");
            links.add("<" + url + base.with("page", Integer.toString(Math.min(page - 1, last))).encode()
                + ">; rel=\"prev\"");
        }
        if (page < last) {
            links.add("<" + url + base.with("page", Integer.toString(last)).encode() + ">; rel=\"last\"");
            links.add("<" + url + base.with("page", Integer.toString(page + 1)).encode() + ">; rel=\"next\"");
        }
        return links.isEmpty() ? r : r.withHeader("Link", String.join(", ", links));
    }

    private static int clamp(String raw, int fallback, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---- sync -------------------------------------------------------------------------------------------------

    /** Sync semantics (§3.12): match by id, else origin_id; create when neither matches; per-item errors, HTTP 200. */
    ObjectNode sync(JsonNode updates, PcKind kind, long companyId, Predicate<ObjectNode> inScope,
                    Function<JsonNode, ObjectNode> create, java.util.function.BiFunction<Long, JsonNode, ObjectNode> update,
                    Function<ObjectNode, JsonNode> render) {
        ObjectNode out = json.object();
        ArrayNode entities = out.putArray("entities");
        ArrayNode errors = out.putArray("errors");
        if (updates == null || !updates.isArray()) {
            throw ProcoreValidationException.missing("updates");
        }
        if (updates.size() > 1000) {
            throw ProcoreValidationException.unprocessable("updates", "too many items (maximum is 1000)");
        }
        for (JsonNode item : updates) {
            try {
                Long id = Docs.longOrNull(item, "id");
                String origin = Docs.text(item, "origin_id");
                ObjectNode target = null;
                if (id != null) {
                    target = store.get(kind, id).filter(inScope).orElseThrow(() ->
                        ProcoreValidationException.unprocessable("id", "Entity with this ID not found"));
                } else if (origin != null) {
                    target = store.where(kind, d -> inScope.test(d) && origin.equals(d.path("origin_id").asText(null)))
                        .stream().findFirst().orElse(null);
                }
                ObjectNode result = target == null ? create.apply(item)
                    : update.apply(target.path("id").asLong(), item);
                entities.add(render.apply(result));
            } catch (ProcoreValidationException e) {
                ObjectNode err = item.isObject() ? ((ObjectNode) item).deepCopy() : json.object();
                err.set("errors", e.body().has("errors") ? e.body().get("errors") : e.body());
                errors.add(err);
            }
        }
        return out;
    }
}

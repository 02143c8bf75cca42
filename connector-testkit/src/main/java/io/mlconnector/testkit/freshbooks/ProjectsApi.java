package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.HttpProblem;
import io.mlconnector.testkit.server.Params;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The projects namespace: {@code /projects/business/{business_id}/projects|project[/{id}]}, bare envelopes. */
final class ProjectsApi {

    private static final String BASE = "/projects/business/{businessId}";

    private final FbContext ctx;

    ProjectsApi(FbContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        router.add("GET", BASE + "/projects", this::list)
            .add("POST", BASE + "/project", this::create)
            .add("POST", BASE + "/projects", this::create)
            .add("GET", BASE + "/project/{id}", this::get)
            .add("PUT", BASE + "/project/{id}", this::update)
            .add("DELETE", BASE + "/project/{id}", this::delete);
    }

    private void guard(SandboxRequest req) {
        ctx.requireToken(req, ctx.errors()::projectsUnauthorized);
        if (!Long.toString(ctx.identity().businessId()).equals(req.pathVar("businessId"))) {
            throw new HttpProblem(ctx.errors().projectsNotFound());
        }
    }

    private SandboxResponse list(SandboxRequest req) {
        guard(req);
        Params q = req.query();
        int page = Math.max(1, parseInt(q.get("page", "1"), 1));
        int perPage = Math.min(100, Math.max(1, parseInt(q.get("per_page", "30"), 30)));
        List<ObjectNode> items = ctx.store().list(FbResource.PROJECT);
        if (q.has("updated_since")) {
            Instant since;
            try {
                since = FbTime.parseUtc(q.get("updated_since", ""));
            } catch (DateTimeParseException e) {
                return ctx.errors().projectsValidation("updated_since", "invalid datetime");
            }
            items = items.stream().filter(p -> !FbTime.parseUtc(p.path("updated_at").asText()).isBefore(since))
                .toList();
        }
        for (String flag : List.of("active", "complete", "internal")) {
            if (q.has(flag)) {
                boolean want = Boolean.parseBoolean(q.get(flag, "true"));
                items = items.stream().filter(p -> p.path(flag).asBoolean() == want).toList();
            }
        }
        int total = items.size();
        int from = Math.min(total, (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        ObjectNode body = ctx.json().object();
        ObjectNode meta = body.putObject("meta");
        meta.putArray("sort");
        meta.put("total", total);
        meta.put("per_page", perPage);
        meta.put("page", page);
        meta.put("pages", Math.max(1, (total + perPage - 1) / perPage));
        ArrayNode list = body.putArray("projects");
        for (ObjectNode p : items.subList(from, to)) {
            JsonNode group = p.remove("group");
            p.set("group_id", group == null ? ctx.json().nullNode() : group.get("id"));
            list.add(p);
        }
        return ctx.json().response(200, body);
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private long id(SandboxRequest req) {
        return FbContext.idVar(req, "id", ctx.errors()::projectsNotFound);
    }

    private SandboxResponse single(ObjectNode project, boolean abilities) {
        ObjectNode body = ctx.json().object();
        body.set("project", project);
        if (abilities) {
            ArrayNode a = body.putArray("abilities");
            for (String name : List.of("can_edit", "can_archive", "can_delete", "can_invite_team_member")) {
                a.addObject().put("name", name).put("value", true);
            }
        }
        return ctx.json().response(200, body);
    }

    private ObjectNode input(SandboxRequest req) {
        ObjectNode body = ctx.jsonBody(req, () -> ctx.errors().projectsValidation("project", "invalid json"));
        JsonNode p = body.get("project");
        if (p == null || !p.isObject()) {
            throw new HttpProblem(ctx.errors().projectsValidation("project", "field required"));
        }
        return (ObjectNode) p;
    }

    private SandboxResponse validation(FreshBooksValidationException e) {
        if (e.status() == 404) {
            return ctx.errors().projectsNotFound();
        }
        return ctx.errors().projectsValidation(e.field(), e.errno() == 1001 ? "field required" : e.getMessage());
    }

    private SandboxResponse create(SandboxRequest req) {
        guard(req);
        try {
            return single(ctx.store().create(FbResource.PROJECT, input(req), true), false);
        } catch (FreshBooksValidationException e) {
            return validation(e);
        }
    }

    private SandboxResponse get(SandboxRequest req) {
        guard(req);
        return ctx.store().get(FbResource.PROJECT, id(req)).map(p -> single(p, true))
            .orElseGet(ctx.errors()::projectsNotFound);
    }

    private SandboxResponse update(SandboxRequest req) {
        guard(req);
        long id = id(req);
        try {
            return single(ctx.store().update(FbResource.PROJECT, id, input(req), true), false);
        } catch (FreshBooksValidationException e) {
            return validation(e);
        }
    }

    private SandboxResponse delete(SandboxRequest req) {
        guard(req);
        try {
            ctx.store().delete(FbResource.PROJECT, id(req), true);
        } catch (FreshBooksValidationException e) {
            return validation(e);
        }
        return SandboxResponse.empty(204);
    }
}

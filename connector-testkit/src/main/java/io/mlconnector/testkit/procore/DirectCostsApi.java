package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.List;
import java.util.Set;

/**
 * Direct costs: v1.0 ({@code item} wrapper) and v1.1 ({@code direct_cost} with line items), the header sync and the
 * line-item sync, and the project-wide line listing (§3.11).
 */
final class DirectCostsApi {

    private final PcContext ctx;

    DirectCostsApi(PcContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        for (String v : List.of("v1.0", "v1.1")) {
            String base = "/rest/" + v + "/projects/{projectId}/direct_costs";
            String wrapper = v.equals("v1.0") ? "item" : "direct_cost";
            if (v.equals("v1.0")) {
                // registered before {id}: the first matching route wins
                r.add("PATCH", base + "/sync", ctx.safe(this::sync))
                    .add("GET", base + "/line_items", ctx.safe(this::projectLines))
                    .add("PATCH", base + "/line_items/sync", ctx.safe(this::syncLines));
            }
            r.add("GET", base, ctx.safe(this::list))
                .add("POST", base, ctx.safe(req -> create(req, wrapper)))
                .add("GET", base + "/{id}/line_items", ctx.safe(this::lines))
                .add("POST", base + "/{id}/line_items", ctx.safe(this::addLine))
                .add("GET", base + "/{id}", ctx.safe(this::show))
                .add("PATCH", base + "/{id}", ctx.safe(req -> update(req, wrapper)))
                .add("DELETE", base + "/{id}", ctx.safe(this::delete));
        }
    }

    private SandboxResponse list(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.DIRECT_COST, d -> d.path("_project_id").asLong() == projectId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), d -> ctx.directCosts.render(d, false));
    }

    private SandboxResponse show(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.ok(ctx.directCosts.render(ctx.directCosts.directCost(c.companyId(), projectId,
            PcContext.pathId(req, "id")), true));
    }

    private SandboxResponse create(SandboxRequest req, String wrapper) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.created(ctx.directCosts.render(ctx.directCosts.create(c.companyId(), projectId,
            PcContext.wrapped(ctx.body(req), wrapper), c.actor()), true));
    }

    private SandboxResponse update(SandboxRequest req, String wrapper) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.ok(ctx.directCosts.render(ctx.directCosts.update(c.companyId(), projectId,
            PcContext.pathId(req, "id"), PcContext.wrapped(ctx.body(req), wrapper), c.actor()), true));
    }

    private SandboxResponse delete(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        ctx.directCosts.delete(c.companyId(), projectId, PcContext.pathId(req, "id"), c.actor());
        return SandboxResponse.empty(204);
    }

    /** {@code PATCH /rest/v1.0/projects/{p}/direct_costs/sync} {@code {"updates":[…]}}: per-item results, HTTP 200. */
    private SandboxResponse sync(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        ObjectNode body = ctx.body(req);
        synchronized (ctx.store) {
            return ctx.ok(ctx.sync(body.get("updates"), PcKind.DIRECT_COST, c.companyId(),
                d -> d.path("_project_id").asLong() == projectId,
                in -> ctx.directCosts.create(c.companyId(), projectId, in, c.actor()),
                (id, in) -> ctx.directCosts.update(c.companyId(), projectId, id, in, c.actor()),
                d -> ctx.directCosts.render(d, false)));
        }
    }

    /** {@code GET /rest/v1.0/projects/{p}/direct_costs/line_items}: every line of the project's direct costs. */
    private SandboxResponse projectLines(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.page(req, ctx.filter(ctx.directCosts.projectLines(projectId), req.query(), Set.of()),
            ctx.store::render);
    }

    /**
     * {@code PATCH /rest/v1.0/projects/{p}/direct_costs/line_items/sync}: lines matched by {@code id}, else by
     * {@code origin_id} within the project; unmatched ones are created under their {@code direct_cost_id}.
     */
    private SandboxResponse syncLines(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        ObjectNode body = ctx.body(req);
        synchronized (ctx.store) {
            return ctx.ok(ctx.sync(body.get("updates"), PcKind.DIRECT_COST_LINE, c.companyId(),
                l -> ctx.directCosts.lineInProject(l, projectId),
                in -> ctx.directCosts.syncCreateLine(c.companyId(), projectId, in, c.actor()),
                (id, in) -> ctx.directCosts.syncUpdateLine(c.companyId(), projectId, id, in, c.actor()),
                ctx.store::render));
        }
    }

    private SandboxResponse lines(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        long id = PcContext.pathId(req, "id");
        ctx.directCosts.directCost(c.companyId(), projectId, id);
        return ctx.page(req, ctx.directCosts.lines(id), ctx.store::render);
    }

    private SandboxResponse addLine(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.created(ctx.store.render(ctx.directCosts.addLine(c.companyId(), projectId,
            PcContext.pathId(req, "id"), PcContext.wrapped(ctx.body(req), "line_item"), c.actor())));
    }
}

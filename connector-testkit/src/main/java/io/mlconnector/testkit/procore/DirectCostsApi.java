package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.List;
import java.util.Set;

/**
 * Direct costs: v1.0 ({@code item} wrapper) and v1.1 ({@code direct_cost} with line items), the header sync and the
 * line-item sync, the project-wide line listing (§3.11) and the v1.0 line item routes (list, add, change, delete).
 */
final class DirectCostsApi {

    private final PcContext ctx;

    DirectCostsApi(PcContext ctx) {
        this.ctx = ctx;
    }

    /** Header fields the v1.0 PATCH body schema lists (RestV10ProjectsProjectIdDirectCostsIdPatch). */
    private static final Set<String> V10_PATCH = Set.of("description", "employee_id", "invoice_number",
        "direct_cost_date", "origin_data", "origin_id", "payment_date", "received_date", "status", "terms",
        "vendor_id");

    /** Header fields the v1.1 PATCH body schema lists: no invoice_number (RestV11ProjectsProjectIdDirectCostsIdPatch). */
    private static final Set<String> V11_PATCH = Set.of("description", "employee_id", "direct_cost_date",
        "origin_data", "origin_id", "payment_date", "received_date", "status", "terms", "vendor_id");

    void register(Router r) {
        String v10 = "/rest/v1.0/projects/{projectId}/direct_costs";
        // registered before {id}: the first matching route wins
        r.add("PATCH", v10 + "/sync", ctx.safe(this::sync))
            .add("GET", v10 + "/line_items", ctx.safe(this::projectLines))
            .add("PATCH", v10 + "/line_items/sync", ctx.safe(this::syncLines))
            .add("GET", v10 + "/{id}/line_items", ctx.safe(this::lines))
            .add("POST", v10 + "/{id}/line_items", ctx.safe(this::addLine))
            .add("PATCH", v10 + "/{id}/line_items/{lineId}", ctx.safe(this::updateLine))
            .add("DELETE", v10 + "/{id}/line_items/{lineId}", ctx.safe(this::deleteLine));
        for (String v : List.of("v1.0", "v1.1")) {
            String base = "/rest/" + v + "/projects/{projectId}/direct_costs";
            String wrapper = v.equals("v1.0") ? "item" : "direct_cost";
            Set<String> permitted = v.equals("v1.0") ? V10_PATCH : V11_PATCH;
            r.add("GET", base, ctx.safe(this::list))
                .add("POST", base, ctx.safe(req -> create(req, wrapper)))
                .add("GET", base + "/{id}", ctx.safe(this::show))
                .add("PATCH", base + "/{id}", ctx.safe(req -> update(req, wrapper, permitted)))
                .add("DELETE", base + "/{id}", ctx.safe(this::delete));
        }
    }

    private SandboxResponse list(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.DIRECT_COST, d -> d.path("_project_id").asLong() == projectId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.directCosts::renderListRow);
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

    /**
     * PATCH of a direct cost: header fields the version's body schema does not list are ignored (as Procore's
     * permitted parameters are); v1.1 also takes {@code line_items}: one with an {@code id} changes that line, one
     * without is added.
     */
    private SandboxResponse update(SandboxRequest req, String wrapper, Set<String> permitted) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        long id = PcContext.pathId(req, "id");
        JsonNode in = PcContext.wrapped(ctx.body(req), wrapper);
        ObjectNode header = ctx.json.object();
        in.fields().forEachRemaining(e -> {
            if (permitted.contains(e.getKey())) {
                header.set(e.getKey(), e.getValue());
            }
        });
        synchronized (ctx.store) {
            ObjectNode d = ctx.directCosts.update(c.companyId(), projectId, id, header, c.actor());
            if (wrapper.equals("direct_cost") && in.path("line_items").isArray()) {
                for (JsonNode line : in.get("line_items")) {
                    Long lineId = Docs.longOrNull(line, "id");
                    if (lineId == null) {
                        ctx.directCosts.addLine(c.companyId(), projectId, id, line, c.actor());
                    } else {
                        ctx.directCosts.updateLine(c.companyId(), projectId, id, lineId, line, c.actor());
                    }
                }
            }
            return ctx.ok(ctx.directCosts.render(d, true));
        }
    }

    /** {@code PATCH /rest/v1.0/projects/{p}/direct_costs/{d}/line_items/{id}} {@code {"line_item":{…}}}. */
    private SandboxResponse updateLine(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.ok(ctx.store.render(ctx.directCosts.updateLine(c.companyId(), projectId,
            PcContext.pathId(req, "id"), PcContext.pathId(req, "lineId"),
            PcContext.wrapped(ctx.body(req), "line_item"), c.actor())));
    }

    /** {@code DELETE /rest/v1.0/projects/{p}/direct_costs/{d}/line_items/{id}}: the direct cost's total follows. */
    private SandboxResponse deleteLine(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        ctx.directCosts.deleteLine(c.companyId(), projectId, PcContext.pathId(req, "id"),
            PcContext.pathId(req, "lineId"), c.actor());
        return SandboxResponse.empty(204);
    }

    /** DELETE of a direct cost: 200 {@code {"id": …}} (RestV10ProjectsProjectIdDirectCostsIdDelete). */
    private SandboxResponse delete(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        long id = PcContext.pathId(req, "id");
        ctx.directCosts.delete(c.companyId(), projectId, id, c.actor());
        return ctx.ok(ctx.json.object().put("id", id));
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

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.List;
import java.util.Set;

/** Companies, me, projects, company vendors, line item types, cost codes and WBS codes (§3.1–3.4). */
final class DirectoryApi {

    private final PcContext ctx;

    DirectoryApi(PcContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/rest/v1.0/companies", ctx.safe(this::companies))
            .add("GET", "/rest/v1.0/me", ctx.safe(this::me))
            .add("PATCH", "/rest/v1.0/projects/sync", ctx.safe(this::syncProjects))
            .add("GET", "/rest/v1.0/projects", ctx.safe(this::projects))
            .add("GET", "/rest/v1.1/projects", ctx.safe(this::projects))
            .add("GET", "/rest/v1.0/projects/{id}", ctx.safe(this::project))
            .add("POST", "/rest/v1.0/projects", ctx.safe(this::createProject))
            .add("PATCH", "/rest/v1.0/projects/{id}", ctx.safe(this::updateProject))
            .add("PATCH", "/rest/v1.0/vendors/sync", ctx.safe(this::syncVendors))
            .add("GET", "/rest/v1.0/vendors", ctx.safe(this::vendors))
            .add("GET", "/rest/v1.0/vendors/{id}", ctx.safe(this::vendor))
            .add("POST", "/rest/v1.0/vendors", ctx.safe(this::createVendor))
            .add("PATCH", "/rest/v1.0/vendors/{id}", ctx.safe(this::updateVendor))
            .add("GET", "/rest/v1.0/companies/{companyId}/vendors/inactive", ctx.safe(this::inactiveVendors))
            .add("PATCH", "/rest/v1.0/line_item_types/sync", ctx.safe(this::syncLineItemTypes))
            .add("GET", "/rest/v1.0/line_item_types", ctx.safe(this::lineItemTypes))
            .add("GET", "/rest/v1.0/line_item_types/{id}", ctx.safe(this::lineItemType))
            .add("POST", "/rest/v1.0/line_item_types", ctx.safe(this::createLineItemType))
            .add("PATCH", "/rest/v1.0/cost_codes/sync", ctx.safe(this::syncCostCodes))
            .add("GET", "/rest/v1.0/cost_codes", ctx.safe(this::costCodes))
            .add("GET", "/rest/v1.0/cost_codes/{id}", ctx.safe(this::costCode))
            .add("POST", "/rest/v1.0/cost_codes", ctx.safe(this::createCostCode))
            .add("GET", "/rest/v1.0/projects/{projectId}/work_breakdown_structure/wbs_codes", ctx.safe(this::wbs))
            .add("GET", "/rest/v1.0/companies/{companyId}/work_breakdown_structure/patterns",
                ctx.safe(this::wbsPattern))
            .add("GET", "/rest/v1.0/companies/{companyId}/work_breakdown_structure/segments",
                ctx.safe(this::wbsSegments));
    }

    private SandboxResponse companies(SandboxRequest req) {
        ctx.caller(req);
        return ctx.page(req, ctx.store.all(PcKind.COMPANY), ctx.store::render);
    }

    private SandboxResponse me(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode me = ctx.json.object();
        me.put("id", c.grant().app().userId());
        me.put("login", c.grant().app().clientId() + "@dmsa.sandbox.procore.test");
        me.put("name", "Service Account " + c.grant().app().clientId());
        return ctx.ok(me);
    }

    // ---- projects ---------------------------------------------------------------------------------------------

    private SandboxResponse projects(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long companyId = PcContext.companyScope(req, null, c);
        String byStatus = req.query().get("filters[by_status]", "Active");
        List<ObjectNode> docs = ctx.store.where(PcKind.PROJECT, p -> p.path("_company_id").asLong() == companyId
            && (byStatus.equalsIgnoreCase("All") || p.path("active").asBoolean() == byStatus.equalsIgnoreCase(
            "Active")));
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of("by_status")), ctx.store::render);
    }

    private SandboxResponse project(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long companyId = PcContext.companyScope(req, null, c);
        return ctx.ok(ctx.store.render(ctx.directory.project(companyId, PcContext.pathId(req, "id"))));
    }

    private SandboxResponse createProject(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.companyWrite(req);
        return ctx.created(ctx.store.render(ctx.directory.createProject(w.companyId(),
            PcContext.wrapped(w.body(), "project"), w.actor())));
    }

    private SandboxResponse updateProject(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.companyWrite(req);
        return ctx.ok(ctx.store.render(ctx.directory.updateProject(w.companyId(), PcContext.pathId(req, "id"),
            PcContext.wrapped(w.body(), "project"), w.actor())));
    }

    private SandboxResponse syncProjects(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.companyWrite(req);
        return ctx.ok(ctx.sync(w.body().get("updates"), PcKind.PROJECT, w.companyId(),
            p -> p.path("_company_id").asLong() == w.companyId(),
            in -> ctx.directory.createProject(w.companyId(), in, w.actor()),
            (id, in) -> ctx.directory.updateProject(w.companyId(), id, in, w.actor()), ctx.store::render));
    }

    // ---- vendors ----------------------------------------------------------------------------------------------

    private SandboxResponse vendors(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long companyId = PcContext.companyScope(req, null, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.VENDOR, v -> v.path("_company_id").asLong() == companyId
            && v.path("is_active").asBoolean(true));
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.store::render);
    }

    private SandboxResponse inactiveVendors(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long companyId = PcContext.pathId(req, "companyId");
        if (companyId != c.companyId()) {
            throw ProcoreValidationException.notFound();
        }
        List<ObjectNode> docs = ctx.store.where(PcKind.VENDOR, v -> v.path("_company_id").asLong() == companyId
            && !v.path("is_active").asBoolean(true));
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.store::render);
    }

    private SandboxResponse vendor(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long companyId = PcContext.companyScope(req, null, c);
        return ctx.ok(ctx.store.render(ctx.directory.vendor(companyId, PcContext.pathId(req, "id"))));
    }

    private SandboxResponse createVendor(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.companyWrite(req);
        return ctx.created(ctx.store.render(ctx.directory.createVendor(w.companyId(),
            PcContext.wrapped(w.body(), "vendor"), w.actor())));
    }

    private SandboxResponse updateVendor(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.companyWrite(req);
        return ctx.ok(ctx.store.render(ctx.directory.updateVendor(w.companyId(), PcContext.pathId(req, "id"),
            PcContext.wrapped(w.body(), "vendor"), w.actor())));
    }

    private SandboxResponse syncVendors(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.companyWrite(req);
        return ctx.ok(ctx.sync(w.body().get("updates"), PcKind.VENDOR, w.companyId(),
            v -> v.path("_company_id").asLong() == w.companyId(),
            in -> ctx.directory.createVendor(w.companyId(), in, w.actor()),
            (id, in) -> ctx.directory.updateVendor(w.companyId(), id, in, w.actor()), ctx.store::render));
    }

    // ---- line item types --------------------------------------------------------------------------------------

    private long companyOrProjectCompany(SandboxRequest req, ObjectNode body, PcContext.Caller c) {
        if (req.query().has("project_id") && !req.query().has("company_id")) {
            long projectId = PcContext.scopeId(req, body, "project_id");
            ctx.directory.project(c.companyId(), projectId);
            return c.companyId();
        }
        return PcContext.companyScope(req, body, c);
    }

    private SandboxResponse lineItemTypes(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long companyId = companyOrProjectCompany(req, null, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.LINE_ITEM_TYPE, t -> t.path("_company_id").asLong()
            == companyId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.store::render);
    }

    private SandboxResponse lineItemType(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long companyId = companyOrProjectCompany(req, null, c);
        return ctx.ok(ctx.store.render(ctx.directory.lineItemType(companyId, PcContext.pathId(req, "id"))));
    }

    private SandboxResponse createLineItemType(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.companyWrite(req);
        return ctx.created(ctx.store.render(ctx.directory.createLineItemType(w.companyId(),
            PcContext.wrapped(w.body(), "line_item_type"), w.actor())));
    }

    private SandboxResponse syncLineItemTypes(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.companyWrite(req);
        return ctx.ok(ctx.sync(w.body().get("updates"), PcKind.LINE_ITEM_TYPE, w.companyId(),
            t -> t.path("_company_id").asLong() == w.companyId(),
            in -> ctx.directory.createLineItemType(w.companyId(), in, w.actor()),
            (id, in) -> {
                ObjectNode t = ctx.directory.lineItemType(w.companyId(), id);
                Docs.merge(t, in, Set.of("code"));
                return t;
            }, ctx.store::render));
    }

    // ---- cost codes -------------------------------------------------------------------------------------------

    private SandboxResponse costCodes(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = PcContext.scopeId(req, null, "project_id");
        ctx.directory.project(c.companyId(), projectId);
        List<ObjectNode> docs = ctx.store.where(PcKind.COST_CODE, cc -> cc.path("_project_id").asLong() == projectId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of("updated_at", "created_at")),
            ctx.directory::renderCostCode);
    }

    private SandboxResponse costCode(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = PcContext.scopeId(req, null, "project_id");
        ctx.directory.project(c.companyId(), projectId);
        return ctx.ok(ctx.directory.renderCostCode(ctx.directory.costCode(projectId, PcContext.pathId(req, "id"))));
    }

    private SandboxResponse createCostCode(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.created(ctx.directory.renderCostCode(ctx.directory.createCostCode(w.companyId(), w.scopeId(),
            PcContext.wrapped(w.body(), "cost_code"), w.actor())));
    }

    private SandboxResponse syncCostCodes(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        ctx.directory.project(w.companyId(), w.scopeId());
        return ctx.ok(ctx.sync(w.body().get("updates"), PcKind.COST_CODE, w.companyId(),
            cc -> cc.path("_project_id").asLong() == w.scopeId(),
            in -> ctx.directory.createCostCode(w.companyId(), w.scopeId(), in, w.actor()),
            (id, in) -> {
                ObjectNode cc = ctx.directory.costCode(w.scopeId(), id);
                Docs.merge(cc, in, Set.of("code", "full_code", "parent_id", "parent"));
                cc.put("updated_at", ctx.store.now());
                return cc;
            }, ctx.directory::renderCostCode));
    }

    private SandboxResponse wbs(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = PcContext.pathId(req, "projectId");
        ctx.directory.project(c.companyId(), projectId);
        List<ObjectNode> codes = ctx.directory.wbsCodes(c.companyId(), projectId);
        List<ObjectNode> filtered = ctx.filter(codes, req.query(), Set.of());
        String query = req.query().get("query", "");
        List<ObjectNode> matching = filtered.stream().filter(w -> query.isEmpty()
            || w.path("flat_code").asText().contains(query) || w.path("description").asText().contains(query)).toList();
        return ctx.page(req, matching, ctx.store::render);
    }

    private long pathCompany(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        if (PcContext.pathId(req, "companyId") != c.companyId()) {
            throw ProcoreValidationException.notFound();
        }
        return c.companyId();
    }

    /** {@code GET /rest/v1.0/companies/{c}/work_breakdown_structure/patterns}: the pattern with its segments. */
    private SandboxResponse wbsPattern(SandboxRequest req) {
        return ctx.ok(ctx.directory.renderPattern(pathCompany(req)));
    }

    /** {@code GET /rest/v1.0/companies/{c}/work_breakdown_structure/segments}: a bare array, no paging. */
    private SandboxResponse wbsSegments(SandboxRequest req) {
        ArrayNode arr = ctx.json.array();
        ctx.directory.wbsSegments(pathCompany(req)).forEach(arr::add);
        return ctx.ok(arr);
    }
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PO and WO contracts with SOV line items, {@code /commitments}, change order packages and CCOs, prime change orders,
 * the CCO and prime change order lines through REST v2 (§3.6, §3.10).
 */
final class CommitmentsApi {

    private final PcContext ctx;

    CommitmentsApi(PcContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        for (CommitmentType t : CommitmentType.values()) {
            String base = "/rest/v1.0/" + t.path();
            r.add("GET", base, ctx.safe(req -> list(req, t)))
                .add("POST", base, ctx.safe(req -> create(req, t)))
                .add("GET", base + "/{id}/line_items", ctx.safe(this::lines))
                .add("POST", base + "/{id}/line_items", ctx.safe(this::addLine))
                .add("GET", base + "/{id}", ctx.safe(this::show))
                .add("PATCH", base + "/{id}", ctx.safe(req -> update(req, t)));
        }
        r.add("GET", "/rest/v1.0/commitments", ctx.safe(this::commitments))
            .add("GET", "/rest/v1.0/commitments/{id}", ctx.safe(this::commitment))
            .add("GET", "/rest/v1.0/change_order_packages", ctx.safe(this::packages))
            .add("POST", "/rest/v1.0/change_order_packages", ctx.safe(this::createPackage))
            .add("GET", "/rest/v1.0/change_order_packages/{id}", ctx.safe(this::packageShow))
            .add("PATCH", "/rest/v1.0/change_order_packages/{id}", ctx.safe(this::updatePackage))
            .add("GET", "/rest/v1.0/projects/{projectId}/commitment_change_orders", ctx.safe(this::ccos))
            .add("GET", "/rest/v1.0/projects/{projectId}/commitment_change_orders/{id}", ctx.safe(this::cco))
            .add("GET", "/rest/v1.0/projects/{projectId}/prime_change_orders", ctx.safe(this::primeChangeOrders))
            .add("GET", "/rest/v1.0/projects/{projectId}/prime_change_orders/{id}", ctx.safe(this::primeChangeOrder))
            .add("GET", "/rest/v2.0/companies/{companyId}/projects/{projectId}/commitment_change_orders/{id}/line_items",
                ctx.safe(this::ccoLines))
            .add("GET", "/rest/v2.0/companies/{companyId}/projects/{projectId}/prime_change_orders/{id}/line_items",
                ctx.safe(this::primeChangeOrderLines));
    }

    private SandboxResponse list(SandboxRequest req, CommitmentType t) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.COMMITMENT, k -> k.path("_project_id").asLong() == projectId
            && k.path("_type").asText().equals(t.holderType()));
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.commitments::renderCompact);
    }

    private SandboxResponse show(SandboxRequest req) {
        return ctx.showInProject(req, ctx.commitments::commitment, ctx.commitments::renderDetail);
    }

    private SandboxResponse create(SandboxRequest req, CommitmentType t) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.created(ctx.commitments.renderDetail(ctx.commitments.createCommitment(w.companyId(), w.scopeId(), t,
            PcContext.wrapped(w.body(), t.wrapper()), w.actor())));
    }

    private SandboxResponse update(SandboxRequest req, CommitmentType t) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.ok(ctx.commitments.renderDetail(ctx.commitments.updateCommitment(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "id"), PcContext.wrapped(w.body(), t.wrapper()), w.actor())));
    }

    private SandboxResponse lines(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        long id = PcContext.pathId(req, "id");
        ctx.commitments.commitment(c.companyId(), projectId, id);
        return ctx.page(req, ctx.filter(ctx.commitments.lines(id), req.query(), Set.of()), ctx.store::render);
    }

    private SandboxResponse addLine(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.created(ctx.store.render(ctx.commitments.addLine(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "id"), PcContext.wrapped(w.body(), "line_item"))));
    }

    private SandboxResponse commitments(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.COMMITMENT, k -> k.path("_project_id").asLong() == projectId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.commitments::renderCommitment);
    }

    private SandboxResponse commitment(SandboxRequest req) {
        return ctx.showInProject(req, ctx.commitments::commitment, ctx.commitments::renderCommitment);
    }

    // ---- change order packages --------------------------------------------------------------------------------

    private SandboxResponse packages(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        String contract = req.query().get("contract_id", null);
        List<ObjectNode> docs = ctx.store.where(PcKind.CHANGE_ORDER_PACKAGE, p -> p.path("_project_id").asLong()
            == projectId && (contract == null || p.path("contract_id").asText().equals(contract)));
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), p -> ctx.commitments.renderPackage(p,
            false));
    }

    private SandboxResponse packageShow(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        return ctx.ok(ctx.commitments.renderPackage(ctx.commitments.changeOrderPackage(c.companyId(), projectId,
            PcContext.pathId(req, "id")), true));
    }

    private SandboxResponse createPackage(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        long contractId = PcContext.scopeId(req, w.body(), "contract_id");
        JsonNode in = PcContext.wrapped(w.body(), "change_order");
        List<JsonNode> lines = new ArrayList<>();
        in.path("line_items").forEach(lines::add);
        return ctx.created(ctx.commitments.renderPackage(ctx.commitments.createPackage(w.companyId(), w.scopeId(),
            contractId, in, lines, w.actor()), true));
    }

    private SandboxResponse updatePackage(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.ok(ctx.commitments.renderPackage(ctx.commitments.updatePackage(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "id"), PcContext.wrapped(w.body(), "change_order"), w.actor()), true));
    }

    private List<ObjectNode> ccoDocs(long projectId) {
        return ctx.store.where(PcKind.CHANGE_ORDER_PACKAGE, p -> p.path("_project_id").asLong() == projectId
            && !p.path("_contract_type").asText().equals("PrimeContract"));
    }

    private SandboxResponse ccos(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = PcContext.pathId(req, "projectId");
        ctx.directory.project(c.companyId(), projectId);
        List<ObjectNode> views = ccoDocs(projectId).stream().map(ctx.commitments::renderCco).toList();
        return ctx.page(req, ctx.filter(views, req.query(), Set.of()), v -> v);
    }

    /** REST v2 lines of a commitment change order: {@code {"data":[…]}}, string ids, WBS code per line (§3.10). */
    private SandboxResponse ccoLines(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        if (PcContext.pathId(req, "companyId") != c.companyId()) {
            throw ProcoreValidationException.notFound();
        }
        long projectId = PcContext.pathId(req, "projectId");
        ctx.directory.project(c.companyId(), projectId);
        long id = PcContext.pathId(req, "id");
        ObjectNode pkg = ccoDocs(projectId).stream().filter(p -> p.path("_cco_id").asLong() == id).findFirst()
            .orElseThrow(ProcoreValidationException::notFound);
        return ctx.pageV2(req, ctx.commitments.packageLines(pkg.path("id").asLong()),
            l -> ctx.commitments.renderCcoLineV2(pkg, l));
    }

    private SandboxResponse cco(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = PcContext.pathId(req, "projectId");
        ctx.directory.project(c.companyId(), projectId);
        long id = PcContext.pathId(req, "id");
        return ccoDocs(projectId).stream().filter(p -> p.path("_cco_id").asLong() == id).findFirst()
            .map(p -> ctx.ok(ctx.commitments.renderCco(p)))
            .orElseThrow(ProcoreValidationException::notFound);
    }

    private List<ObjectNode> primeChangeOrderDocs(long projectId) {
        return ctx.store.where(PcKind.CHANGE_ORDER_PACKAGE, p -> p.path("_project_id").asLong() == projectId
            && p.path("_contract_type").asText().equals("PrimeContract"));
    }

    /** {@code GET /rest/v1.0/projects/{p}/prime_change_orders} (filters {@code status}, {@code contract_id}, …). */
    private SandboxResponse primeChangeOrders(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        List<ObjectNode> views = primeChangeOrderDocs(projectId).stream()
            .map(ctx.commitments::renderPrimeChangeOrder).toList();
        return ctx.page(req, ctx.filter(views, req.query(), Set.of()), v -> v);
    }

    /** REST v2 lines of a prime change order: {@code {"data":[…]}}, string ids, WBS code per line. */
    private SandboxResponse primeChangeOrderLines(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        if (PcContext.pathId(req, "companyId") != c.companyId()) {
            throw ProcoreValidationException.notFound();
        }
        long projectId = PcContext.pathId(req, "projectId");
        ctx.directory.project(c.companyId(), projectId);
        long id = PcContext.pathId(req, "id");
        ObjectNode pkg = primeChangeOrderDocs(projectId).stream().filter(p -> p.path("_cco_id").asLong() == id)
            .findFirst().orElseThrow(ProcoreValidationException::notFound);
        List<ObjectNode> lines = ctx.commitments.packageLines(pkg.path("id").asLong());
        return ctx.pageV2(req, lines, l -> ctx.commitments.renderPrimeChangeOrderLineV2(pkg, l, lines.indexOf(l) + 1));
    }

    private SandboxResponse primeChangeOrder(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        long id = PcContext.pathId(req, "id");
        return primeChangeOrderDocs(projectId).stream().filter(p -> p.path("_cco_id").asLong() == id).findFirst()
            .map(p -> ctx.ok(ctx.commitments.renderPrimeChangeOrder(p)))
            .orElseThrow(ProcoreValidationException::notFound);
    }
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;

/**
 * Budget changes: the v1.0 list of summary rows and the show, both inside {@code {"data": …}} and without paging or
 * filters (RestV10ProjectsProjectIdBudgetChangesGet takes none), and the REST v2 adjustment line items of a project.
 */
final class BudgetChangesApi {

    private final PcContext ctx;

    BudgetChangesApi(PcContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/rest/v1.0/projects/{projectId}/budget_changes", ctx.safe(this::list))
            .add("GET", "/rest/v1.0/projects/{projectId}/budget_changes/{id}", ctx.safe(this::show))
            .add("GET", "/rest/v2.0/companies/{companyId}/projects/{projectId}/budget_changes/adjustment_line_items",
                ctx.safe(this::adjustments));
    }

    private SandboxResponse list(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        ObjectNode body = ctx.json.object();
        ArrayNode data = body.putArray("data");
        ctx.budgetChanges.budgetChanges(projectId).forEach(b -> data.add(ctx.budgetChanges.renderSummary(b)));
        return ctx.ok(body);
    }

    private SandboxResponse show(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        ObjectNode body = ctx.json.object();
        body.set("data", ctx.budgetChanges.render(ctx.budgetChanges.budgetChange(c.companyId(), projectId,
            PcContext.pathId(req, "id"))));
        return ctx.ok(body);
    }

    private SandboxResponse adjustments(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        if (PcContext.pathId(req, "companyId") != c.companyId()) {
            throw ProcoreValidationException.notFound();
        }
        long projectId = ctx.pathProject(req, c);
        return ctx.pageV2(req, ctx.budgetChanges.projectAdjustments(projectId), ctx.budgetChanges::renderAdjustmentV2);
    }
}

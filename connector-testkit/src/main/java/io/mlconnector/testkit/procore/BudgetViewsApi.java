package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.List;

/**
 * Budget views and their detail rows (§3.5): {@code GET /rest/v1.0/budget_views} (optionally {@code project_id}) and
 * {@code GET /rest/v1.0/budget_views/{id}/detail_rows?project_id=P}, one row per budget line item, paged.
 */
final class BudgetViewsApi {

    private final PcContext ctx;
    private final BudgetModel budget;

    BudgetViewsApi(PcContext ctx, BudgetModel budget) {
        this.ctx = ctx;
        this.budget = budget;
    }

    void register(Router r) {
        r.add("GET", "/rest/v1.0/budget_views", ctx.safe(this::views))
            .add("GET", "/rest/v1.0/budget_views/{id}/detail_rows", ctx.safe(this::detailRows));
    }

    private SandboxResponse views(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        List<ObjectNode> views = req.query().get("project_id", "").isEmpty() ? budget.views(c.companyId())
            : List.of(budget.view(c.companyId(), ctx.queryProject(req, c)));
        return ctx.page(req, views, ctx.store::render);
    }

    private SandboxResponse detailRows(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        budget.viewOf(c.companyId(), projectId, PcContext.pathId(req, "id"));
        return ctx.page(req, budget.lines(projectId), budget::renderDetailRow);
    }
}

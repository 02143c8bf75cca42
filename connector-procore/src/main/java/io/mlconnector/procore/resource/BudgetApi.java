package io.mlconnector.procore.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.BudgetAdjustmentLine;
import io.mlconnector.procore.model.BudgetChange;
import io.mlconnector.procore.model.BudgetDetailRow;
import io.mlconnector.procore.model.BudgetLineItem;
import io.mlconnector.procore.model.BudgetModification;
import io.mlconnector.procore.model.BudgetView;
import io.mlconnector.procore.model.WbsCode;
import io.mlconnector.procore.model.WbsPattern;
import io.mlconnector.procore.request.BudgetLineItemInput;
import io.mlconnector.procore.resource.ListOptions.Filter;
import io.mlconnector.procore.scope.ProjectScope;
import io.mlconnector.procore.sync.SyncBatches;
import io.mlconnector.procore.sync.SyncResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Budget views and their detail rows, budget line items (v1.0 by cost code + cost type, v1.1 by WBS code), the
 * budget line item sync ({@code POST}, key {@code budget_line_items}), budget changes / modifications, and WBS codes.
 */
public final class BudgetApi extends ResourceSupport {

    /**
     * Creates a {@code BudgetApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public BudgetApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/budget_views?project_id=P}.
     *
     * @param project the project
     * @return the budget views
     */
    public List<BudgetView> views(ProjectRef project) {
        long p = project(project);
        return http.list("/rest/v1.0/budget_views", projectQuery(p), ListOptions.DEFAULT_PER_PAGE, BudgetView.class).toList();
    }

    /**
     * {@code GET /rest/v1.0/budget_views/{id}/detail_rows?project_id=P} — a full re-read (no updated_at filter).
     *
     * @param project the project
     * @param budgetViewId the budget view id
     * @return the budget detail rows
     */
    public Stream<BudgetDetailRow> detailRows(ProjectRef project, long budgetViewId) {
        long p = project(project);
        return http.list("/rest/v1.0/budget_views/" + positive(budgetViewId, "budgetViewId") + "/detail_rows",
                projectQuery(p), ListOptions.DEFAULT_PER_PAGE, JsonNode.class).map(n -> BudgetDetailRow.of(n, http.mapper()));
    }

    /**
     * {@code GET /rest/v1.0/budget_line_items/{id}?project_id=P}.
     *
     * @param project the project
     * @param id the object's id
     * @return the line item
     */
    public BudgetLineItem getLineItem(ProjectRef project, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/budget_line_items/" + positive(id, "budgetLineItemId"), projectQuery(p), BudgetLineItem.class);
    }

    /**
     * Creates a budget line item with {@code {"project_id":P,"budget_line_item":{…}}}: {@code POST /rest/v1.1/…}
     * when the input names a {@code wbs_code_id}, else {@code POST /rest/v1.0/…} (cost code + line item type).
     *
     * @param project the project
     * @param item the budget line item input
     * @return the created line item
     */
    public BudgetLineItem createLineItem(ProjectRef project, BudgetLineItemInput item) {
        long p = project(project);
        String version = item.wbsCodeId() != null ? "v1.1" : "v1.0";
        return http.post("/rest/" + version + "/budget_line_items", Query.create(),
                body("project_id", p, "budget_line_item", item), BudgetLineItem.class);
    }

    /**
     * {@code PATCH /rest/v1.0/budget_line_items/{id}} with {@code {"project_id":P,"budget_line_item":{…}}}.
     *
     * @param project the project
     * @param id the object's id
     * @param item the budget line item input
     * @return the updated line item
     */
    public BudgetLineItem updateLineItem(ProjectRef project, long id, BudgetLineItemInput item) {
        long p = project(project);
        return http.patch("/rest/v1.0/budget_line_items/" + positive(id, "budgetLineItemId"), Query.create(),
                body("project_id", p, "budget_line_item", item), BudgetLineItem.class);
    }

    /**
     * {@code POST /rest/v1.0/budget_line_items/sync} with {@code {"project_id":P,"budget_line_items":[…]}} (not {@code updates}).
     *
     * @param project the project
     * @param items the items
     * @param batchSize the batch size
     * @return the sync line items
     */
    public SyncResult<BudgetLineItem> syncLineItems(ProjectRef project, List<BudgetLineItemInput> items, int batchSize) {
        long p = project(project);
        return SyncBatches.run(items, batchSize, batch -> http.post("/rest/v1.0/budget_line_items/sync", Query.create(),
                body("project_id", p, "budget_line_items", batch), JsonNode.class), http.mapper(), BudgetLineItem.class);
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/budget_changes/{id}} (the {@code data} envelope is unwrapped). The show's
     * schema lists no adjustment lines: read them with {@link #adjustmentLineItems}.
     *
     * @param project the project
     * @param id the object's id
     * @return the budget change
     */
    public BudgetChange getBudgetChange(ProjectRef project, long id) {
        long p = project(project);
        return http.getData("/rest/v1.0/projects/" + p + "/budget_changes/" + positive(id, "budgetChangeId"),
                Query.create(), BudgetChange.class);
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/budget_changes?exclude_custom_fields=true} — every budget change summary of
     * the project in one {@code {"data":[…]}} answer. The operation ({@code RestV10ProjectsProjectIdBudgetChangesGet})
     * takes no filters and no paging, so none are sent: callers filter on {@code updated_at} themselves.
     *
     * @param project the project
     * @return the budget changes
     */
    public List<BudgetChange> listBudgetChanges(ProjectRef project) {
        long p = project(project);
        List<BudgetChange> rows = http.getDataList("/rest/v1.0/projects/" + p + "/budget_changes",
                Query.of("exclude_custom_fields", true), BudgetChange.class);
        return rows == null ? List.of() : rows;
    }

    /**
     * {@code GET /rest/v2.0/companies/{C}/projects/{P}/budget_changes/adjustment_line_items} — every adjustment line
     * of the project's budget changes, with its budget change id and status ({@code {"data":[…]}}, paged; REST v2
     * pages hold at most 100 rows).
     *
     * @param project the project
     * @return the budget adjustment lines
     */
    public Stream<BudgetAdjustmentLine> adjustmentLineItems(ProjectRef project) {
        long p = project(project);
        return http.list("/rest/v2.0/companies/" + company() + "/projects/" + p + "/budget_changes/adjustment_line_items",
                Query.create(), ListOptions.DEFAULT_PER_PAGE, BudgetAdjustmentLine.class);
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/budget_modifications/{id}} (legacy; read-only once Budget Changes is on).
     *
     * @param project the project
     * @param id the object's id
     * @return the budget modification
     */
    public BudgetModification getBudgetModification(ProjectRef project, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/projects/" + p + "/budget_modifications/" + positive(id, "budgetModificationId"),
                Query.create(), BudgetModification.class);
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/work_breakdown_structure/wbs_codes} (filters updated_at).
     *
     * @param project the project
     * @param options the list options
     * @return the WBS codes
     */
    public Stream<WbsCode> wbsCodes(ProjectRef project, ListOptions options) {
        long p = project(project);
        Set<Filter> f = ListOptions.filters(Filter.UPDATED_AT);
        return http.list("/rest/v1.0/projects/" + p + "/work_breakdown_structure/wbs_codes", options.toQuery("wbs codes", f),
                options.perPage(), WbsCode.class);
    }

    /**
     * {@code GET /rest/v1.0/companies/{C}/work_breakdown_structure/patterns} — the company's budget code pattern:
     * its segments in {@code position} order, each with its {@code type} and {@code delimiter}.
     *
     * @return the WBS pattern
     */
    public WbsPattern wbsPattern() {
        return http.get("/rest/v1.0/companies/" + company() + "/work_breakdown_structure/patterns", Query.create(), WbsPattern.class);
    }
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A project's original budget: budget line items (one per budget code, {@code original_budget_amount}) and the
 * project's one budget view, whose detail rows are the line items (api/procore.md §3.5; shapes after
 * RestV10BudgetViewsGet and RestV10BudgetViewsBudgetViewIdDetailRowsGet). Budget changes live in
 * {@link BudgetChangeModel}; the detail rows here carry only the original budget.
 */
final class BudgetModel {

    private final ProcoreStore store;
    private final DirectoryModel directory;
    private final CommitmentModel commitments;

    BudgetModel(ProcoreStore store, DirectoryModel directory, CommitmentModel commitments) {
        this.store = store;
        this.directory = directory;
        this.commitments = commitments;
    }

    /**
     * A budget line item on a budget code named by {@code wbs_code_id} or {@code cost_code_id} +
     * {@code line_item_type_id}, with {@code original_budget_amount}; one per budget code (422 for a second).
     */
    ObjectNode addLine(long companyId, long projectId, JsonNode input) {
        synchronized (store) {
            directory.project(companyId, projectId);
            view(companyId, projectId);
            ObjectNode line = store.json().object();
            commitments.attachCostRefs(line, projectId, input);
            long wbsId = line.path("wbs_code").path("id").asLong();
            if (lines(projectId).stream().anyMatch(l -> l.path("wbs_code").path("id").asLong() == wbsId)) {
                throw ProcoreValidationException.unprocessable("wbs_code_id", "has already been budgeted");
            }
            line.put("id", store.nextId());
            line.put("original_budget_amount", PcMoney.str(PcMoney.decOrZero(input.get("original_budget_amount"))));
            line.put("created_at", store.now());
            line.put("updated_at", store.now());
            line.put("_company_id", companyId);
            line.put("_project_id", projectId);
            return store.put(PcKind.BUDGET_LINE_ITEM, line);
        }
    }

    List<ObjectNode> lines(long projectId) {
        return store.where(PcKind.BUDGET_LINE_ITEM, l -> l.path("_project_id").asLong() == projectId);
    }

    /** The project's budget view ("Procore Standard Budget"), created on first use. */
    ObjectNode view(long companyId, long projectId) {
        synchronized (store) {
            directory.project(companyId, projectId);
            Optional<ObjectNode> existing = store.where(PcKind.BUDGET_VIEW,
                v -> v.path("_project_id").asLong() == projectId).stream().findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            ObjectNode v = store.json().object();
            long id = store.nextId();
            v.put("id", id);
            v.put("name", "Procore Standard Budget");
            v.put("description", "Original budget by budget code");
            v.put("created_at", store.now());
            v.putNull("created_by");
            v.put("updated_at", store.now());
            v.put("role", "standard");
            ObjectNode links = v.putObject("links");
            links.put("detail_rows", "/rest/v1.0/budget_views/" + id + "/detail_rows?project_id=" + projectId);
            links.put("summary_rows", "/rest/v1.0/budget_views/" + id + "/summary_rows?project_id=" + projectId);
            v.put("_company_id", companyId);
            v.put("_project_id", projectId);
            return store.put(PcKind.BUDGET_VIEW, v);
        }
    }

    /** The company's budget views (of every project that has one). */
    List<ObjectNode> views(long companyId) {
        return store.where(PcKind.BUDGET_VIEW, v -> v.path("_company_id").asLong() == companyId);
    }

    /** A budget view of the project, or 404. */
    ObjectNode viewOf(long companyId, long projectId, long viewId) {
        directory.project(companyId, projectId);
        return store.requireIn(PcKind.BUDGET_VIEW, viewId, "_project_id", projectId);
    }

    /**
     * A budget line item as a detail row: ids as integers, names as strings ({@code cost_code} is the cost code's
     * full code and name, {@code category} the cost type's name), {@code original_budget_amount} as a decimal
     * string, the project as biller.
     */
    ObjectNode renderDetailRow(ObjectNode line) {
        synchronized (store) {
            long projectId = line.path("_project_id").asLong();
            long companyId = line.path("_company_id").asLong();
            ObjectNode project = store.require(PcKind.PROJECT, projectId);
            ObjectNode company = store.require(PcKind.COMPANY, companyId);
            ObjectNode cc = store.require(PcKind.COST_CODE, line.path("_cost_code_id").asLong());
            ObjectNode lit = store.require(PcKind.LINE_ITEM_TYPE, line.path("_line_item_type_id").asLong());
            ObjectNode root = cc;
            while (root.path("parent").hasNonNull("id")) {
                root = store.require(PcKind.COST_CODE, root.path("parent").path("id").asLong());
            }
            ObjectNode r = store.json().object();
            r.put("id", line.path("id").asLong());
            r.put("deletable", true);
            r.put("company_id", companyId);
            r.put("company", company.path("name").asText());
            r.put("project_id", projectId);
            r.put("wbs_code_id", line.path("wbs_code").path("id").asLong());
            r.put("biller_id", projectId);
            r.put("root_cost_code_id", root.path("id").asLong());
            r.put("cost_code_id", cc.path("id").asLong());
            r.set("cost_code_origin_id", cc.has("origin_id") ? cc.get("origin_id") : store.json().nullNode());
            r.put("category_id", lit.path("id").asLong());
            r.put("project", project.path("name").asText());
            r.put("biller", project.path("name").asText());
            r.put("biller_type", "Project");
            r.put("root_cost_code", root.path("full_code").asText() + " - " + root.path("name").asText());
            r.put("cost_code", cc.path("full_code").asText() + " - " + cc.path("name").asText());
            r.put("category", lit.path("name").asText());
            r.put("budget_modifications", PcMoney.str(BigDecimal.ZERO));
            r.put("original_budget_amount", line.path("original_budget_amount").asText());
            r.putNull("budget_forecast");
            r.putObject("currency_configuration").put("currency_iso_code", "USD");
            r.putNull("unbudgeted_reason");
            return r;
        }
    }
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Budget changes of a project with their adjustment line items (api/procore.md §3.5; shapes after
 * RestV10ProjectsProjectIdBudgetChangesPost's body and RestV20…BudgetChangesAdjustmentLineItemsGet's response).
 */
final class BudgetChangeModel {

    private static final Set<String> STATUSES = Set.of("draft", "under_review", "approved", "void");

    private final ProcoreStore store;
    private final DirectoryModel directory;
    private final CommitmentModel commitments;

    BudgetChangeModel(ProcoreStore store, DirectoryModel directory, CommitmentModel commitments) {
        this.store = store;
        this.directory = directory;
        this.commitments = commitments;
    }

    /**
     * A budget change with adjustments; each adjustment names its budget code by {@code wbs_code_id} or
     * {@code cost_code_id} + {@code line_item_type_id} and carries {@code amount}.
     */
    ObjectNode create(long companyId, long projectId, JsonNode input, List<JsonNode> adjustments, Actor actor) {
        synchronized (store) {
            directory.project(companyId, projectId);
            String status = input.path("status").asText("draft");
            if (!STATUSES.contains(status)) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            ObjectNode b = store.json().object();
            long id = store.nextId();
            b.put("id", id);
            b.put("number", Integer.toString(budgetChanges(projectId).size() + 1));
            b.put("title", input.path("title").asText(""));
            b.set("description", input.has("description") ? input.get("description") : store.json().nullNode());
            b.put("status", status);
            b.putNull("erp_status");
            b.set("origin_id", input.has("origin_id") ? input.get("origin_id") : store.json().nullNode());
            b.put("created_at", store.now());
            b.put("updated_at", store.now());
            b.putNull("deleted_at");
            b.put("_company_id", companyId);
            b.put("_project_id", projectId);
            store.put(PcKind.BUDGET_CHANGE, b);
            int n = 0;
            for (JsonNode in : adjustments) {
                n++;
                ObjectNode refs = store.json().object();
                commitments.attachCostRefs(refs, projectId, in);
                ObjectNode a = store.json().object();
                a.put("id", store.nextId());
                a.putNull("ref");
                a.put("adjustment_number", in.path("adjustment_number").asInt(n));
                a.set("wbs_code", refs.get("wbs_code"));
                a.put("description", in.path("description").asText(""));
                a.putNull("comment");
                a.put("calculation_strategy", "manual");
                a.putNull("quantity");
                a.put("type", "budget_change");
                a.putNull("uom");
                a.putNull("unit_cost");
                a.put("amount", PcMoney.decOrZero(in.get("amount")));
                a.putNull("change_event_line_item_id");
                a.put("_budget_change_id", id);
                a.put("_project_id", projectId);
                store.put(PcKind.BUDGET_CHANGE_ADJUSTMENT, a);
            }
            store.emit("Budget Changes", "create", id, companyId, projectId, actor);
            return b;
        }
    }

    /** Sets a budget change's status. */
    ObjectNode status(long id, String status, Actor actor) {
        synchronized (store) {
            if (!STATUSES.contains(status)) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            ObjectNode b = store.require(PcKind.BUDGET_CHANGE, id);
            b.put("status", status);
            b.put("updated_at", store.now());
            store.emit("Budget Changes", "update", id, b.path("_company_id").asLong(), b.path("_project_id").asLong(),
                actor);
            return b;
        }
    }

    /** The project's budget changes that are not deleted. */
    List<ObjectNode> budgetChanges(long projectId) {
        return store.where(PcKind.BUDGET_CHANGE, b -> b.path("_project_id").asLong() == projectId
            && b.path("deleted_at").isNull());
    }

    ObjectNode budgetChange(long companyId, long projectId, long id) {
        directory.project(companyId, projectId);
        ObjectNode b = store.requireIn(PcKind.BUDGET_CHANGE, id, "_project_id", projectId);
        if (!b.path("deleted_at").isNull()) {
            throw ProcoreValidationException.notFound();
        }
        return b;
    }

    List<ObjectNode> adjustments(long budgetChangeId) {
        return store.where(PcKind.BUDGET_CHANGE_ADJUSTMENT,
            a -> a.path("_budget_change_id").asLong() == budgetChangeId);
    }

    /** Every adjustment of the project's budget changes, in budget change order. */
    List<ObjectNode> projectAdjustments(long projectId) {
        synchronized (store) {
            return budgetChanges(projectId).stream().flatMap(b -> adjustments(b.path("id").asLong()).stream())
                .toList();
        }
    }

    /** The full object ({@code GET …/budget_changes/{id}}, inside {@code data}). */
    ObjectNode render(ObjectNode b) {
        synchronized (store) {
            ObjectNode out = store.render(b);
            ArrayNode arr = out.putArray("adjustment_line_items");
            adjustments(b.path("id").asLong()).forEach(a -> arr.add(store.render(a)));
            return out;
        }
    }

    /** A summary row of the list ({@code GET …/budget_changes}, inside {@code data}): no adjustments. */
    ObjectNode renderSummary(ObjectNode b) {
        return store.render(b);
    }

    /** An adjustment as REST v2 lists it: ids as strings, the budget change's number, status and title. */
    ObjectNode renderAdjustmentV2(ObjectNode a) {
        synchronized (store) {
            ObjectNode b = store.require(PcKind.BUDGET_CHANGE, a.path("_budget_change_id").asLong());
            ObjectNode out = store.json().object();
            out.put("id", a.path("id").asText());
            out.put("adjustment_number", a.path("adjustment_number").asInt());
            out.put("wbs_code_id", a.path("wbs_code").path("id").asText());
            out.put("amount", a.get("amount").decimalValue());
            out.set("uom", a.get("uom"));
            out.set("quantity", a.get("quantity"));
            out.put("description", a.path("description").asText());
            out.put("type", a.path("type").asText());
            out.put("budget_change_number", b.path("number").asText());
            out.put("budget_change_status", b.path("status").asText());
            out.put("budget_change_name", b.path("title").asText());
            out.put("budget_change_id", b.path("id").asText());
            return out;
        }
    }
}

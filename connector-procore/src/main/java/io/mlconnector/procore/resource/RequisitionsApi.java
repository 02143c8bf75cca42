package io.mlconnector.procore.resource;

import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.BillingPeriod;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import io.mlconnector.procore.request.BillingPeriodInput;
import io.mlconnector.procore.request.RequisitionInput;
import io.mlconnector.procore.request.RequisitionItemUpdate;
import io.mlconnector.procore.resource.ListOptions.Filter;
import io.mlconnector.procore.scope.ProjectScope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Billing periods and requisitions — the UI's subcontractor invoices — with their items. Create with items in one
 * call through v1.1; list, show and update through v1.0 (procore.md §3.7).
 */
public final class RequisitionsApi extends ResourceSupport {
    private static final Set<Filter> FILTERS = ListOptions.filters(Filter.UPDATED_AT, Filter.ORIGIN_ID);

    /**
     * Creates a {@code RequisitionsApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public RequisitionsApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/billing_periods} (filter updated_at).
     *
     * @param project the project
     * @param options the list options
     * @return the billing periods
     */
    public Stream<BillingPeriod> billingPeriods(ProjectRef project, ListOptions options) {
        long p = project(project);
        return http.list("/rest/v1.0/projects/" + p + "/billing_periods",
                options.toQuery("billing periods", ListOptions.filters(Filter.UPDATED_AT)), options.perPage(), BillingPeriod.class);
    }

    /**
     * {@code POST /rest/v1.0/projects/{P}/billing_periods} with {@code {"billing_period":{…}}}.
     *
     * @param project the project
     * @param period the billing period input
     * @return the created billing period
     */
    public BillingPeriod createBillingPeriod(ProjectRef project, BillingPeriodInput period) {
        long p = project(project);
        return http.post("/rest/v1.0/projects/" + p + "/billing_periods", Query.create(), body("billing_period", period),
                BillingPeriod.class);
    }

    /**
     * {@code PATCH /rest/v1.0/projects/{P}/billing_periods/{id}} with {@code {"billing_period":{…}}};
     * {@code RestV10ProjectsProjectIdBillingPeriodsIdPatch} requires all four fields (start, end and due date,
     * status), as on create.
     *
     * @param project the project
     * @param periodId the period id
     * @param period the billing period input
     * @return the updated billing period
     * @throws IllegalArgumentException when one of the four is missing
     */
    public BillingPeriod updateBillingPeriod(ProjectRef project, long periodId, BillingPeriodInput period) {
        String op = "PATCH /rest/v1.0/projects/{project_id}/billing_periods/{id}";
        required(period == null ? null : period.startDate(), "billing_period.start_date", op);
        required(period.endDate(), "billing_period.end_date", op);
        required(period.dueDate(), "billing_period.due_date", op);
        required(period.status(), "billing_period.status", op);
        long p = project(project);
        return http.patch("/rest/v1.0/projects/" + p + "/billing_periods/" + positive(periodId, "periodId"), Query.create(),
                body("billing_period", period), BillingPeriod.class);
    }

    /**
     * {@code GET /rest/v1.0/requisitions?project_id=P} (filters updated_at, origin_id, and optionally
     * {@code filters[commitment_id]}).
     *
     * @param project the project
     * @param options the list options
     * @param commitmentId the commitment id
     * @return the requisitions
     */
    public Stream<Requisition> list(ProjectRef project, ListOptions options, Long commitmentId) {
        long p = project(project);
        Query q = projectQuery(p).addAll(options.toQuery("requisitions", FILTERS)).filter("commitment_id", commitmentId);
        return http.list("/rest/v1.0/requisitions", q, options.perPage(), Requisition.class);
    }

    /**
     * The requisition carrying {@code originId} ({@code filters[origin_id]}), exact match.
     *
     * @param project the project
     * @param originId {@code filters[origin_id]}, or null
     * @return the requisition carrying {@code originId} ({@code filters[origin_id]}), exact match
     */
    public Optional<Requisition> findByOriginId(ProjectRef project, String originId) {
        return list(project, ListOptions.originId(originId), null).filter(r -> originId.equals(r.originId())).findFirst();
    }

    /**
     * {@code GET /rest/v1.0/requisitions/{id}?project_id=P}.
     *
     * @param project the project
     * @param requisitionId the requisition id
     * @return the requisition
     */
    public Requisition get(ProjectRef project, long requisitionId) {
        long p = project(project);
        return http.get("/rest/v1.0/requisitions/" + positive(requisitionId, "requisitionId"), projectQuery(p), Requisition.class);
    }

    /**
     * {@code POST /rest/v1.1/requisitions} with {@code {"project_id":P,"commitment_id":K,"requisition":{…, "items":[…]}}}
     * — header and line amounts in one call.
     *
     * @param project the project
     * @param commitmentId the commitment id
     * @param requisition the requisition input
     * @return the {@code Requisition}
     */
    public Requisition create(ProjectRef project, long commitmentId, RequisitionInput requisition) {
        long p = project(project);
        return http.post("/rest/v1.1/requisitions", Query.create(), body("project_id", p, "commitment_id",
                positive(commitmentId, "commitmentId"), "requisition", requisition), Requisition.class);
    }

    /**
     * {@code POST /rest/v1.0/requisitions} — header only (items are then edited one by one).
     *
     * @param project the project
     * @param commitmentId the commitment id
     * @param requisition the requisition input
     * @return the created header
     */
    public Requisition createHeader(ProjectRef project, long commitmentId, RequisitionInput requisition) {
        long p = project(project);
        return http.post("/rest/v1.0/requisitions", Query.create(), body("project_id", p, "commitment_id",
                positive(commitmentId, "commitmentId"), "requisition", requisition), Requisition.class);
    }

    /**
     * {@code PATCH /rest/v1.0/requisitions/{id}} with {@code {"project_id":P,"commitment_id":K,"requisition":{…}}}
     * (operation {@code RestV10RequisitionsIdPatch}: both ids are required; v1.0 keeps {@code comment}, which the
     * v1.1 update lacks).
     *
     * @param project the project
     * @param requisitionId the requisition id
     * @param commitmentId the commitment id
     * @param requisition the requisition input
     * @return the updated requisition
     */
    public Requisition update(ProjectRef project, long requisitionId, long commitmentId, RequisitionInput requisition) {
        long p = project(project);
        return http.patch("/rest/v1.0/requisitions/" + positive(requisitionId, "requisitionId"), Query.create(),
                body("project_id", p, "commitment_id", positive(commitmentId, "commitmentId"), "requisition", requisition),
                Requisition.class);
    }

    /**
     * {@code DELETE /rest/v1.0/requisitions/{id}?project_id=P} (only the latest open one).
     *
     * @param project the project
     * @param requisitionId the requisition id
     */
    public void delete(ProjectRef project, long requisitionId) {
        long p = project(project);
        http.delete("/rest/v1.0/requisitions/" + positive(requisitionId, "requisitionId"), projectQuery(p), null);
    }

    /**
     * {@code GET /rest/v1.0/requisitions/{R}/contract_items?project_id=P}.
     *
     * @param project the project
     * @param requisitionId the requisition id
     * @return the requisition items
     */
    public List<RequisitionItem> contractItems(ProjectRef project, long requisitionId) {
        long p = project(project);
        return http.list("/rest/v1.0/requisitions/" + positive(requisitionId, "requisitionId") + "/contract_items",
                projectQuery(p), ListOptions.DEFAULT_PER_PAGE, RequisitionItem.class).toList();
    }

    /**
     * {@code PATCH /rest/v1.0/requisitions/{R}/contract_items/{id}?project_id=P} with {@code {"requisition_contract_item":{…}}}.
     *
     * @param project the project
     * @param requisitionId the requisition id
     * @param itemId the item id
     * @param update the requisition item update
     * @return the updated contract item
     */
    public RequisitionItem updateContractItem(ProjectRef project, long requisitionId, long itemId, RequisitionItemUpdate update) {
        long p = project(project);
        return http.patch("/rest/v1.0/requisitions/" + positive(requisitionId, "requisitionId") + "/contract_items/"
                + positive(itemId, "itemId"), projectQuery(p), body("requisition_contract_item", update), RequisitionItem.class);
    }

    /**
     * {@code GET /rest/v1.0/requisitions/{R}/change_order_items?project_id=P}.
     *
     * @param project the project
     * @param requisitionId the requisition id
     * @return the requisition items
     */
    public List<RequisitionItem> changeOrderItems(ProjectRef project, long requisitionId) {
        long p = project(project);
        return http.list("/rest/v1.0/requisitions/" + positive(requisitionId, "requisitionId") + "/change_order_items",
                projectQuery(p), ListOptions.DEFAULT_PER_PAGE, RequisitionItem.class).toList();
    }

    /**
     * {@code PATCH /rest/v1.0/requisitions/{R}/change_order_items/{id}?project_id=P} with {@code {"requisition_change_order_item":{…}}}.
     *
     * @param project the project
     * @param requisitionId the requisition id
     * @param itemId the item id
     * @param update the requisition item update
     * @return the updated change order item
     */
    public RequisitionItem updateChangeOrderItem(ProjectRef project, long requisitionId, long itemId, RequisitionItemUpdate update) {
        long p = project(project);
        return http.patch("/rest/v1.0/requisitions/" + positive(requisitionId, "requisitionId") + "/change_order_items/"
                + positive(itemId, "itemId"), projectQuery(p), body("requisition_change_order_item", update), RequisitionItem.class);
    }

    /**
     * {@code POST /rest/v1.0/requisitions/{R}/add_change_order_package?project_id=&commitment_id=&change_order_package_id=}
     * (query only; the package must be approved) — returns the created change order items.
     *
     * @param project the project
     * @param requisitionId the requisition id
     * @param commitmentId the commitment id
     * @param packageId the package id
     * @return the requisition items
     */
    public List<RequisitionItem> addChangeOrderPackage(ProjectRef project, long requisitionId, long commitmentId, long packageId) {
        long p = project(project);
        Query q = projectQuery(p).add("commitment_id", positive(commitmentId, "commitmentId"))
                .add("change_order_package_id", positive(packageId, "packageId"));
        return http.postList("/rest/v1.0/requisitions/" + positive(requisitionId, "requisitionId") + "/add_change_order_package",
                q, null, RequisitionItem.class);
    }
}

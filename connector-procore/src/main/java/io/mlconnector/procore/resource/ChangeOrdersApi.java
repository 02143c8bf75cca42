package io.mlconnector.procore.resource;

import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.ChangeEvent;
import io.mlconnector.procore.model.ChangeOrderLineItem;
import io.mlconnector.procore.model.ChangeOrderPackage;
import io.mlconnector.procore.model.CommitmentChangeOrder;
import io.mlconnector.procore.model.PrimeChangeOrder;
import io.mlconnector.procore.request.ChangeEventInput;
import io.mlconnector.procore.request.ChangeOrderPackageInput;
import io.mlconnector.procore.request.CommitmentChangeOrderInput;
import io.mlconnector.procore.resource.ListOptions.Filter;
import io.mlconnector.procore.scope.ProjectScope;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Change management: change order packages ({@code /rest/v1.0/change_order_packages}, wrapper {@code change_order}),
 * commitment change orders ({@code /rest/v1.0/projects/{p}/commitment_change_orders}, lines through REST v2), prime
 * change orders ({@code /rest/v1.0/projects/{p}/prime_change_orders}, lines through REST v2) and change events.
 */
public final class ChangeOrdersApi extends ResourceSupport {
    private static final Set<Filter> PACKAGE_FILTERS = ListOptions.filters(Filter.UPDATED_AT, Filter.INCLUDE_DELETED);
    private static final Set<Filter> PRIME_CO_FILTERS = ListOptions.filters(Filter.UPDATED_AT);

    /**
     * Creates a {@code ChangeOrdersApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public ChangeOrdersApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/change_order_packages?project_id=P[&contract_id=K]} (filters updated_at, include_deleted).
     *
     * @param project the project
     * @param options the list options
     * @param contractId the contract id
     * @return the change order packages
     */
    public Stream<ChangeOrderPackage> packages(ProjectRef project, ListOptions options, Long contractId) {
        long p = project(project);
        Query q = projectQuery(p).add("contract_id", contractId).addAll(options.toQuery("change order packages", PACKAGE_FILTERS));
        return http.list("/rest/v1.0/change_order_packages", q, options.perPage(), ChangeOrderPackage.class);
    }

    /**
     * {@code GET /rest/v1.0/change_order_packages/{id}?project_id=P}.
     *
     * @param project the project
     * @param id the object's id
     * @return the package
     */
    public ChangeOrderPackage getPackage(ProjectRef project, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/change_order_packages/" + positive(id, "packageId"), projectQuery(p), ChangeOrderPackage.class);
    }

    /**
     * {@code POST /rest/v1.0/change_order_packages} with {@code {"project_id":P,"contract_id":K,"change_order":{…}}}.
     *
     * @param project the project
     * @param contractId the contract id
     * @param input the change order package input
     * @return the created package
     */
    public ChangeOrderPackage createPackage(ProjectRef project, long contractId, ChangeOrderPackageInput input) {
        long p = project(project);
        return http.post("/rest/v1.0/change_order_packages", Query.create(), body("project_id", p, "contract_id",
                positive(contractId, "contractId"), "change_order", input), ChangeOrderPackage.class);
    }

    /**
     * {@code PATCH /rest/v1.0/change_order_packages/{id}} with the same wrapper.
     *
     * @param project the project
     * @param contractId the contract id
     * @param id the object's id
     * @param input the change order package input
     * @return the updated package
     */
    public ChangeOrderPackage updatePackage(ProjectRef project, long contractId, long id, ChangeOrderPackageInput input) {
        long p = project(project);
        return http.patch("/rest/v1.0/change_order_packages/" + positive(id, "packageId"), Query.create(),
                body("project_id", p, "contract_id", positive(contractId, "contractId"), "change_order", input),
                ChangeOrderPackage.class);
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/commitment_change_orders} with optional {@code filters[contract_id]} and
     * {@code filters[legacy_package_id]}. The operation ({@code RestV10ProjectsProjectIdCommitmentChangeOrdersGet})
     * documents no paging parameters, so it is read in one call.
     *
     * @param project the project
     * @param contractId the contract id
     * @param legacyPackageId the legacy package id
     * @return the commitment change orders
     */
    public Stream<CommitmentChangeOrder> commitmentChangeOrders(ProjectRef project, Long contractId, Long legacyPackageId) {
        long p = project(project);
        Query q = Query.create().filter("contract_id", contractId).filter("legacy_package_id", legacyPackageId);
        List<CommitmentChangeOrder> rows = http.getList("/rest/v1.0/projects/" + p + "/commitment_change_orders", q,
                CommitmentChangeOrder.class);
        return rows == null ? Stream.empty() : rows.stream();
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/prime_change_orders} (operation {@code RestV10ProjectsProjectIdPrimeChangeOrdersGet}):
     * the prime contract's change orders, optionally {@code filters[updated_at]}; no paging parameters are
     * documented, so it is read in one call.
     *
     * @param project the project
     * @param options the list options
     * @return the prime change orders
     */
    public List<PrimeChangeOrder> primeChangeOrders(ProjectRef project, ListOptions options) {
        long p = project(project);
        List<PrimeChangeOrder> rows = http.getList("/rest/v1.0/projects/" + p + "/prime_change_orders",
                options.toQuery("prime change orders", PRIME_CO_FILTERS), PrimeChangeOrder.class);
        return rows == null ? List.of() : rows;
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/prime_change_orders/{id}}.
     *
     * @param project the project
     * @param id the object's id
     * @return the prime change order
     */
    public PrimeChangeOrder getPrimeChangeOrder(ProjectRef project, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/projects/" + p + "/prime_change_orders/" + positive(id, "primeChangeOrderId"),
                Query.create(), PrimeChangeOrder.class);
    }

    /**
     * {@code GET /rest/v2.0/companies/{C}/projects/{P}/prime_change_orders/{id}/line_items} ({@code {"data":[…]}}, every page).
     *
     * @param project the project
     * @param id the object's id
     * @return the change order line items
     */
    public List<ChangeOrderLineItem> primeChangeOrderLineItems(ProjectRef project, long id) {
        long p = project(project);
        return http.list("/rest/v2.0/companies/" + company() + "/projects/" + p + "/prime_change_orders/"
                + positive(id, "primeChangeOrderId") + "/line_items", Query.create(), ListOptions.DEFAULT_PER_PAGE,
                ChangeOrderLineItem.class).toList();
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/commitment_change_orders/{id}}.
     *
     * @param project the project
     * @param id the object's id
     * @return the commitment change order
     */
    public CommitmentChangeOrder getCommitmentChangeOrder(ProjectRef project, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/projects/" + p + "/commitment_change_orders/" + positive(id, "changeOrderId"),
                Query.create(), CommitmentChangeOrder.class);
    }

    /**
     * {@code POST /rest/v1.0/projects/{P}/commitment_change_orders} with {@code {"change_order":{"contract_id":K,…}}}.
     *
     * @param project the project
     * @param input the commitment change order input
     * @return the created commitment change order
     */
    public CommitmentChangeOrder createCommitmentChangeOrder(ProjectRef project, CommitmentChangeOrderInput input) {
        long p = project(project);
        return http.post("/rest/v1.0/projects/" + p + "/commitment_change_orders", Query.create(), body("change_order", input),
                CommitmentChangeOrder.class);
    }

    /**
     * {@code PATCH /rest/v1.0/projects/{P}/commitment_change_orders/{id}} with {@code {"change_order":{…}}}.
     *
     * @param project the project
     * @param id the object's id
     * @param input the commitment change order input
     * @return the updated commitment change order
     */
    public CommitmentChangeOrder updateCommitmentChangeOrder(ProjectRef project, long id, CommitmentChangeOrderInput input) {
        long p = project(project);
        return http.patch("/rest/v1.0/projects/" + p + "/commitment_change_orders/" + positive(id, "changeOrderId"),
                Query.create(), body("change_order", input), CommitmentChangeOrder.class);
    }

    /**
     * {@code DELETE /rest/v1.0/projects/{P}/commitment_change_orders/{id}} (204).
     *
     * @param project the project
     * @param id the object's id
     */
    public void deleteCommitmentChangeOrder(ProjectRef project, long id) {
        long p = project(project);
        http.delete("/rest/v1.0/projects/" + p + "/commitment_change_orders/" + positive(id, "changeOrderId"), Query.create(), null);
    }

    /**
     * {@code GET /rest/v2.0/companies/{C}/projects/{P}/commitment_change_orders/{id}/line_items} ({@code {"data":[…]}}),
     * every page: REST v2 pages hold 10 rows unless {@code per_page} (at most 100) says otherwise.
     *
     * @param project the project
     * @param id the object's id
     * @return the change order line items
     */
    public List<ChangeOrderLineItem> commitmentChangeOrderLineItems(ProjectRef project, long id) {
        long p = project(project);
        return http.list("/rest/v2.0/companies/" + company() + "/projects/" + p + "/commitment_change_orders/"
                + positive(id, "changeOrderId") + "/line_items", Query.create(), ListOptions.DEFAULT_PER_PAGE,
                ChangeOrderLineItem.class).toList();
    }

    /**
     * {@code GET /rest/v1.0/change_events?project_id=P} (filters updated_at, include_deleted).
     *
     * @param project the project
     * @param options the list options
     * @return the change events
     */
    public Stream<ChangeEvent> changeEvents(ProjectRef project, ListOptions options) {
        long p = project(project);
        return http.list("/rest/v1.0/change_events", projectQuery(p).addAll(options.toQuery("change events", PACKAGE_FILTERS)),
                options.perPage(), ChangeEvent.class);
    }

    /**
     * {@code GET /rest/v1.0/change_events/{id}?project_id=P}.
     *
     * @param project the project
     * @param id the object's id
     * @return the change event
     */
    public ChangeEvent getChangeEvent(ProjectRef project, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/change_events/" + positive(id, "changeEventId"), projectQuery(p), ChangeEvent.class);
    }

    /**
     * {@code POST /rest/v1.0/change_events?project_id=P} with {@code {"change_event":{…}}}.
     *
     * @param project the project
     * @param input the change event input
     * @return the created change event
     */
    public ChangeEvent createChangeEvent(ProjectRef project, ChangeEventInput input) {
        long p = project(project);
        return http.post("/rest/v1.0/change_events", projectQuery(p), body("change_event", input), ChangeEvent.class);
    }

    /**
     * {@code PATCH /rest/v1.0/change_events/{id}?project_id=P} with {@code {"project_id":P,"change_event":{…}}} (both are required).
     *
     * @param project the project
     * @param id the object's id
     * @param input the change event input
     * @return the updated change event
     */
    public ChangeEvent updateChangeEvent(ProjectRef project, long id, ChangeEventInput input) {
        long p = project(project);
        return http.patch("/rest/v1.0/change_events/" + positive(id, "changeEventId"), projectQuery(p),
                body("project_id", p, "change_event", input), ChangeEvent.class);
    }
}

package io.mlconnector.procore.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.CommitmentContract;
import io.mlconnector.procore.model.CommitmentSummary;
import io.mlconnector.procore.model.ContractLineItem;
import io.mlconnector.procore.request.ContractInput;
import io.mlconnector.procore.request.ContractLineItemInput;
import io.mlconnector.procore.resource.ListOptions.Filter;
import io.mlconnector.procore.scope.ProjectScope;
import io.mlconnector.procore.sync.SyncBatches;
import io.mlconnector.procore.sync.SyncResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Commitments: the cross-type list ({@code /rest/v1.0/commitments}) and the purchase order / work order contract
 * families with their schedule-of-values line items.
 */
public final class CommitmentsApi extends ResourceSupport {
    private static final Set<Filter> FILTERS = ListOptions.filters(Filter.UPDATED_AT, Filter.ORIGIN_ID, Filter.INCLUDE_DELETED);

    /**
     * Creates a {@code CommitmentsApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public CommitmentsApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/commitments?project_id=P} — both kinds, summary fields.
     *
     * @param project the project
     * @return the all
     */
    public Stream<CommitmentSummary> listAll(ProjectRef project) {
        long p = project(project);
        return http.list("/rest/v1.0/commitments", projectQuery(p), ListOptions.DEFAULT_PER_PAGE, CommitmentSummary.class);
    }

    /**
     * {@code GET /rest/v1.0/commitments/{id}?project_id=P}.
     *
     * @param project the project
     * @param commitmentId the commitment id
     * @return the any
     */
    public CommitmentContract getAny(ProjectRef project, long commitmentId) {
        long p = project(project);
        return http.get("/rest/v1.0/commitments/" + positive(commitmentId, "commitmentId"), projectQuery(p), CommitmentContract.class);
    }

    /**
     * {@code GET /rest/v1.0/{kind}?project_id=P} (filters updated_at, origin_id, include_deleted).
     *
     * @param project the project
     * @param type the type
     * @param options the list options
     * @return the commitment contracts
     */
    public Stream<CommitmentContract> list(ProjectRef project, CommitmentType type, ListOptions options) {
        long p = project(project);
        return http.list("/rest/v1.0/" + type.path(), projectQuery(p).addAll(options.toQuery(type.path(), FILTERS)),
                options.perPage(), CommitmentContract.class);
    }

    /**
     * {@code GET /rest/v1.0/{kind}/{id}?project_id=P} — with {@code line_items}.
     *
     * @param project the project
     * @param type the type
     * @param contractId the contract id
     * @return the commitment contract
     */
    public CommitmentContract get(ProjectRef project, CommitmentType type, long contractId) {
        long p = project(project);
        return http.get("/rest/v1.0/" + type.path() + "/" + positive(contractId, "contractId"), projectQuery(p),
                CommitmentContract.class);
    }

    /**
     * {@code POST /rest/v1.0/{kind}} with {@code {"project_id":P,"<wrapper>":{…}}}.
     *
     * @param project the project
     * @param type the type
     * @param contract the contract input
     * @return the {@code CommitmentContract}
     */
    public CommitmentContract create(ProjectRef project, CommitmentType type, ContractInput contract) {
        long p = project(project);
        return http.post("/rest/v1.0/" + type.path(), Query.create(), body("project_id", p, type.wrapper(), contract),
                CommitmentContract.class);
    }

    /**
     * {@code PATCH /rest/v1.0/{kind}/{id}} with {@code {"project_id":P,"<wrapper>":{…}}}.
     *
     * @param project the project
     * @param type the type
     * @param contractId the contract id
     * @param contract the contract input
     * @return the updated commitment contract
     */
    public CommitmentContract update(ProjectRef project, CommitmentType type, long contractId, ContractInput contract) {
        long p = project(project);
        return http.patch("/rest/v1.0/" + type.path() + "/" + positive(contractId, "contractId"), Query.create(),
                body("project_id", p, type.wrapper(), contract), CommitmentContract.class);
    }

    /**
     * {@code DELETE /rest/v1.0/{kind}/{id}?project_id=P} (refused once approved/complete).
     *
     * @param project the project
     * @param type the type
     * @param contractId the contract id
     */
    public void delete(ProjectRef project, CommitmentType type, long contractId) {
        long p = project(project);
        http.delete("/rest/v1.0/" + type.path() + "/" + positive(contractId, "contractId"), projectQuery(p), null);
    }

    /**
     * {@code PATCH /rest/v1.0/{kind}/sync} with {@code {"project_id":P,"updates":[…]}}.
     *
     * @param project the project
     * @param type the type
     * @param contracts the contracts
     * @param batchSize the batch size
     * @return the sync
     */
    public SyncResult<CommitmentContract> sync(ProjectRef project, CommitmentType type, List<ContractInput> contracts, int batchSize) {
        long p = project(project);
        return SyncBatches.run(contracts, batchSize, batch -> http.patch("/rest/v1.0/" + type.path() + "/sync", Query.create(),
                body("project_id", p, "updates", batch), JsonNode.class), http.mapper(), CommitmentContract.class);
    }

    /**
     * {@code GET /rest/v1.0/{kind}/{K}/line_items?project_id=P}.
     *
     * @param project the project
     * @param type the type
     * @param contractId the contract id
     * @return the contract line items
     */
    public Stream<ContractLineItem> lineItems(ProjectRef project, CommitmentType type, long contractId) {
        long p = project(project);
        return http.list("/rest/v1.0/" + type.path() + "/" + positive(contractId, "contractId") + "/line_items",
                projectQuery(p), ListOptions.DEFAULT_PER_PAGE, ContractLineItem.class);
    }

    /**
     * {@code POST /rest/v1.0/{kind}/{K}/line_items} with {@code {"project_id":P,"line_item":{…}}}.
     *
     * @param project the project
     * @param type the type
     * @param contractId the contract id
     * @param item the contract line item input
     * @return the created line item
     */
    public ContractLineItem createLineItem(ProjectRef project, CommitmentType type, long contractId, ContractLineItemInput item) {
        long p = project(project);
        return http.post("/rest/v1.0/" + type.path() + "/" + positive(contractId, "contractId") + "/line_items", Query.create(),
                body("project_id", p, "line_item", item), ContractLineItem.class);
    }

    /**
     * {@code PATCH /rest/v1.0/{kind}/{K}/line_items/{id}} with {@code {"project_id":P,"line_item":{…}}}.
     *
     * @param project the project
     * @param type the type
     * @param contractId the contract id
     * @param lineItemId the line item id
     * @param item the contract line item input
     * @return the updated line item
     */
    public ContractLineItem updateLineItem(ProjectRef project, CommitmentType type, long contractId, long lineItemId,
                                           ContractLineItemInput item) {
        long p = project(project);
        return http.patch("/rest/v1.0/" + type.path() + "/" + positive(contractId, "contractId") + "/line_items/"
                + positive(lineItemId, "lineItemId"), Query.create(), body("project_id", p, "line_item", item), ContractLineItem.class);
    }
}

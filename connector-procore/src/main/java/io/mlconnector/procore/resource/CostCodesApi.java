package io.mlconnector.procore.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.LineItemType;
import io.mlconnector.procore.model.ProcoreCostCode;
import io.mlconnector.procore.model.StandardCostCode;
import io.mlconnector.procore.request.CostCodeInput;
import io.mlconnector.procore.request.LineItemTypeInput;
import io.mlconnector.procore.resource.ListOptions.Filter;
import io.mlconnector.procore.scope.ProjectScope;
import io.mlconnector.procore.sync.SyncBatches;
import io.mlconnector.procore.sync.SyncResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Project cost codes ({@code /rest/v1.0/cost_codes}), company standard cost codes and line item types (cost
 * types, {@code /rest/v1.0/line_item_types}). None of them has an {@code updated_at} filter; all take
 * {@code filters[origin_id]}.
 */
public final class CostCodesApi extends ResourceSupport {
    private static final Set<Filter> FILTERS = ListOptions.filters(Filter.ORIGIN_ID);

    /**
     * Creates a {@code CostCodesApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public CostCodesApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/cost_codes?project_id=P}.
     *
     * @param project the project
     * @param options the list options
     * @return the Procore cost codes
     */
    public Stream<ProcoreCostCode> list(ProjectRef project, ListOptions options) {
        long p = project(project);
        return http.list("/rest/v1.0/cost_codes", projectQuery(p).addAll(options.toQuery("cost codes", FILTERS)),
                options.perPage(), ProcoreCostCode.class);
    }

    /**
     * {@code GET /rest/v1.0/cost_codes/{id}?project_id=P}.
     *
     * @param project the project
     * @param costCodeId the cost code id
     * @return the Procore cost code
     */
    public ProcoreCostCode get(ProjectRef project, long costCodeId) {
        long p = project(project);
        return http.get("/rest/v1.0/cost_codes/" + positive(costCodeId, "costCodeId"), projectQuery(p), ProcoreCostCode.class);
    }

    /**
     * {@code POST /rest/v1.0/cost_codes} with {@code {"project_id":P,"cost_code":{…}}}.
     *
     * @param project the project
     * @param costCode the cost code input
     * @return the {@code ProcoreCostCode}
     */
    public ProcoreCostCode create(ProjectRef project, CostCodeInput costCode) {
        long p = project(project);
        return http.post("/rest/v1.0/cost_codes", Query.create(), body("project_id", p, "cost_code", costCode), ProcoreCostCode.class);
    }

    /**
     * {@code PATCH /rest/v1.0/cost_codes/{id}} with {@code {"project_id":P,"cost_code":{…}}};
     * {@code RestV10CostCodesIdPatch} requires {@code cost_code.code} and {@code cost_code.name} (send the current
     * ones when they do not change).
     *
     * @param project the project
     * @param costCodeId the cost code id
     * @param costCode the cost code input
     * @return the updated Procore cost code
     * @throws IllegalArgumentException when the input lacks the code or the name
     */
    public ProcoreCostCode update(ProjectRef project, long costCodeId, CostCodeInput costCode) {
        required(costCode == null ? null : costCode.code(), "cost_code.code", "PATCH /rest/v1.0/cost_codes/{id}");
        required(costCode.name(), "cost_code.name", "PATCH /rest/v1.0/cost_codes/{id}");
        long p = project(project);
        return http.patch("/rest/v1.0/cost_codes/" + positive(costCodeId, "costCodeId"), Query.create(),
                body("project_id", p, "cost_code", costCode), ProcoreCostCode.class);
    }

    /**
     * {@code PATCH /rest/v1.0/cost_codes/sync?project_id=P} with {@code {"updates":[…]}} (the way for ERP-integrated projects).
     *
     * @param project the project
     * @param costCodes the cost codes
     * @param batchSize the batch size
     * @return the sync
     */
    public SyncResult<ProcoreCostCode> sync(ProjectRef project, List<CostCodeInput> costCodes, int batchSize) {
        long p = project(project);
        return SyncBatches.run(costCodes, batchSize, batch -> http.patch("/rest/v1.0/cost_codes/sync", projectQuery(p),
                body("updates", batch), JsonNode.class), http.mapper(), ProcoreCostCode.class);
    }

    /**
     * {@code GET /rest/v1.0/standard_cost_codes?company_id=C&standard_cost_code_list_id=L}.
     *
     * @param standardCostCodeListId the standard cost code list id
     * @return the standard
     */
    public Stream<StandardCostCode> listStandard(long standardCostCodeListId) {
        return http.list("/rest/v1.0/standard_cost_codes", companyQuery().add("standard_cost_code_list_id",
                standardCostCodeListId), ListOptions.DEFAULT_PER_PAGE, StandardCostCode.class);
    }

    /**
     * {@code GET /rest/v1.0/line_item_types?company_id=C}.
     *
     * @param options the list options
     * @return the line item types
     */
    public Stream<LineItemType> listLineItemTypes(ListOptions options) {
        return http.list("/rest/v1.0/line_item_types", companyQuery().addAll(options.toQuery("line item types", FILTERS)),
                options.perPage(), LineItemType.class);
    }

    /**
     * {@code GET /rest/v1.0/line_item_types?project_id=P}.
     *
     * @param project the project
     * @return the line item types
     */
    public Stream<LineItemType> listLineItemTypes(ProjectRef project) {
        long p = project(project);
        return http.list("/rest/v1.0/line_item_types", projectQuery(p), ListOptions.DEFAULT_PER_PAGE, LineItemType.class);
    }

    /**
     * {@code GET /rest/v1.0/line_item_types/{id}?company_id=C}.
     *
     * @param id the object's id
     * @return the line item type
     */
    public LineItemType getLineItemType(long id) {
        return http.get("/rest/v1.0/line_item_types/" + positive(id, "lineItemTypeId"), companyQuery(), LineItemType.class);
    }

    /**
     * {@code POST /rest/v1.0/line_item_types} with {@code {"company_id":C,"line_item_type":{…}}}.
     *
     * @param type the type
     * @return the created line item type
     */
    public LineItemType createLineItemType(LineItemTypeInput type) {
        return http.post("/rest/v1.0/line_item_types", Query.create(), body("company_id", company(), "line_item_type", type),
                LineItemType.class);
    }

    /**
     * {@code PATCH /rest/v1.0/line_item_types/{id}} with {@code {"company_id":C,"line_item_type":{…}}}.
     *
     * @param id the object's id
     * @param type the type
     * @return the updated line item type
     */
    public LineItemType updateLineItemType(long id, LineItemTypeInput type) {
        return http.patch("/rest/v1.0/line_item_types/" + positive(id, "lineItemTypeId"), Query.create(),
                body("company_id", company(), "line_item_type", type), LineItemType.class);
    }

    /**
     * {@code PATCH /rest/v1.0/line_item_types/sync} with {@code {"company_id":C,"updates":[…]}}.
     *
     * @param types the types
     * @param batchSize the batch size
     * @return the sync line item types
     */
    public SyncResult<LineItemType> syncLineItemTypes(List<LineItemTypeInput> types, int batchSize) {
        return SyncBatches.run(types, batchSize, batch -> http.patch("/rest/v1.0/line_item_types/sync", Query.create(),
                body("company_id", company(), "updates", batch), JsonNode.class), http.mapper(), LineItemType.class);
    }
}

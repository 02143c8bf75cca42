package io.mlconnector.procore.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLineItem;
import io.mlconnector.procore.request.ContractLineItemInput;
import io.mlconnector.procore.request.DirectCostInput;
import io.mlconnector.procore.request.DirectCostLineItemInput;
import io.mlconnector.procore.resource.ListOptions.Filter;
import io.mlconnector.procore.scope.ProjectScope;
import io.mlconnector.procore.sync.SyncBatches;
import io.mlconnector.procore.sync.SyncResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Direct costs ({@code /rest/v1.x/projects/{p}/direct_costs}): v1.1 creates header and lines in one call
 * ({@code {"direct_cost":{…,"line_items":[…]}}}, at most 100 lines, {@code wbs_code_id} per line); v1.0 uses the
 * {@code item} wrapper. Direct-cost syncs of one project are serialized here, since Procore answers 409 to
 * concurrent ones.
 */
public final class DirectCostsApi extends ResourceSupport {
    /** The most lines the v1.1 create accepts. */
    public static final int MAX_LINES = 100;
    private static final Set<Filter> FILTERS = ListOptions.filters(Filter.UPDATED_AT, Filter.ORIGIN_ID);
    private final ConcurrentMap<Long, Object> syncLocks = new ConcurrentHashMap<>();

    /**
     * Creates a {@code DirectCostsApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public DirectCostsApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/direct_costs} (filters updated_at, origin_id).
     *
     * @param project the project
     * @param options the list options
     * @return the direct costs
     */
    public Stream<DirectCost> list(ProjectRef project, ListOptions options) {
        long p = project(project);
        return http.list("/rest/v1.0/projects/" + p + "/direct_costs", options.toQuery("direct costs", FILTERS),
                options.perPage(), DirectCost.class);
    }

    /**
     * The direct cost carrying {@code originId}, exact match.
     *
     * @param project the project
     * @param originId {@code filters[origin_id]}, or null
     * @return the direct cost carrying {@code originId}, exact match
     */
    public Optional<DirectCost> findByOriginId(ProjectRef project, String originId) {
        return list(project, ListOptions.originId(originId)).filter(d -> originId.equals(d.originId())).findFirst();
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/direct_costs/{id}}.
     *
     * @param project the project
     * @param id the object's id
     * @return the direct cost
     */
    public DirectCost get(ProjectRef project, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/projects/" + p + "/direct_costs/" + positive(id, "directCostId"), Query.create(), DirectCost.class);
    }

    /**
     * {@code POST /rest/v1.1/projects/{P}/direct_costs} with {@code {"direct_cost":{…,"line_items":[…]}}}.
     *
     * @param project the project
     * @param input the direct cost input
     * @return the {@code DirectCost}
     */
    public DirectCost create(ProjectRef project, DirectCostInput input) {
        if (input.lineItems() != null && input.lineItems().size() > MAX_LINES) {
            throw new IllegalArgumentException("a direct cost takes at most " + MAX_LINES + " lines, got " + input.lineItems().size());
        }
        long p = project(project);
        return http.post("/rest/v1.1/projects/" + p + "/direct_costs", Query.create(), body("direct_cost", input), DirectCost.class);
    }

    /**
     * {@code POST /rest/v1.0/projects/{P}/direct_costs} with {@code {"item":{…}}} (header only).
     *
     * @param project the project
     * @param input the direct cost input
     * @return the created item
     */
    public DirectCost createItem(ProjectRef project, DirectCostInput input) {
        long p = project(project);
        return http.post("/rest/v1.0/projects/" + p + "/direct_costs", Query.create(), body("item", input), DirectCost.class);
    }

    /**
     * {@code PATCH /rest/v1.1/projects/{P}/direct_costs/{id}} with {@code {"direct_cost":{…}}}. Its body has no
     * {@code invoice_number} ({@code RestV11ProjectsProjectIdDirectCostsIdPatch}): to change the number use
     * {@link #updateItem}.
     *
     * @param project the project
     * @param id the object's id
     * @param input the direct cost input
     * @return the updated direct cost
     */
    public DirectCost update(ProjectRef project, long id, DirectCostInput input) {
        long p = project(project);
        return http.patch("/rest/v1.1/projects/" + p + "/direct_costs/" + positive(id, "directCostId"), Query.create(),
                body("direct_cost", input), DirectCost.class);
    }

    /**
     * {@code PATCH /rest/v1.0/projects/{P}/direct_costs/{id}} with {@code {"item":{…}}} — header only, {@code invoice_number} included.
     *
     * @param project the project
     * @param id the object's id
     * @param input the direct cost input
     * @return the updated item
     */
    public DirectCost updateItem(ProjectRef project, long id, DirectCostInput input) {
        long p = project(project);
        return http.patch("/rest/v1.0/projects/" + p + "/direct_costs/" + positive(id, "directCostId"), Query.create(),
                body("item", input), DirectCost.class);
    }

    /**
     * {@code DELETE /rest/v1.0/projects/{P}/direct_costs/{id}}.
     *
     * @param project the project
     * @param id the object's id
     */
    public void delete(ProjectRef project, long id) {
        long p = project(project);
        http.delete("/rest/v1.0/projects/" + p + "/direct_costs/" + positive(id, "directCostId"), Query.create(), null);
    }

    /**
     * {@code GET /rest/v1.0/projects/{P}/direct_costs/{D}/line_items}.
     *
     * @param project the project
     * @param directCostId the direct cost id
     * @return the direct cost line items
     */
    public List<DirectCostLineItem> lineItems(ProjectRef project, long directCostId) {
        long p = project(project);
        return http.list("/rest/v1.0/projects/" + p + "/direct_costs/" + positive(directCostId, "directCostId") + "/line_items",
                Query.create(), ListOptions.DEFAULT_PER_PAGE, DirectCostLineItem.class).toList();
    }

    /**
     * {@code POST /rest/v1.0/projects/{P}/direct_costs/{D}/line_items} with {@code {"line_item":{…}}}. The spec
     * ({@code RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsPost}) types {@code amount}, {@code quantity}
     * and {@code unit_cost} as numbers (on commitment lines they are strings), so they are sent as exact JSON numbers.
     *
     * @param project the project
     * @param directCostId the direct cost id
     * @param line the contract line item input
     * @return the created line item
     */
    public DirectCostLineItem createLineItem(ProjectRef project, long directCostId, ContractLineItemInput line) {
        long p = project(project);
        return http.post("/rest/v1.0/projects/" + p + "/direct_costs/" + positive(directCostId, "directCostId") + "/line_items",
                Query.create(), body("line_item", asNumbers(line, "amount", "quantity", "unit_cost")), DirectCostLineItem.class);
    }

    /** The input as a JSON object whose named decimal fields are JSON numbers (exact, plain notation). */
    private ObjectNode asNumbers(Object input, String... fields) {
        ObjectNode node = http.mapper().valueToTree(input);
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && v.isTextual()) {
                node.set(f, DecimalNode.valueOf(new BigDecimal(v.asText())));
            }
        }
        return node;
    }

    /**
     * {@code DELETE /rest/v1.0/projects/{P}/direct_costs/{D}/line_items/{id}} ({@code RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdDelete}).
     *
     * @param project the project
     * @param directCostId the direct cost id
     * @param lineItemId the line item id
     */
    public void deleteLineItem(ProjectRef project, long directCostId, long lineItemId) {
        long p = project(project);
        http.delete("/rest/v1.0/projects/" + p + "/direct_costs/" + positive(directCostId, "directCostId") + "/line_items/"
                + positive(lineItemId, "lineItemId"), Query.create(), null);
    }

    /**
     * {@code PATCH /rest/v1.0/projects/{P}/direct_costs/sync} with {@code {"updates":[…]}} — never concurrently per project.
     *
     * @param project the project
     * @param costs the costs
     * @param batchSize the batch size
     * @return the sync
     */
    public SyncResult<DirectCost> sync(ProjectRef project, List<DirectCostInput> costs, int batchSize) {
        long p = project(project);
        synchronized (syncLocks.computeIfAbsent(p, k -> new Object())) {
            return SyncBatches.run(costs, batchSize, batch -> http.patch("/rest/v1.0/projects/" + p + "/direct_costs/sync",
                    Query.create(), body("updates", batch), JsonNode.class), http.mapper(), DirectCost.class);
        }
    }

    /**
     * {@code PATCH /rest/v1.0/projects/{P}/direct_costs/line_items/sync} with {@code {"updates":[…]}}.
     *
     * @param project the project
     * @param lines the lines
     * @param batchSize the batch size
     * @return the sync line items
     */
    public SyncResult<DirectCostLineItem> syncLineItems(ProjectRef project, List<DirectCostLineItemInput> lines, int batchSize) {
        long p = project(project);
        synchronized (syncLocks.computeIfAbsent(p, k -> new Object())) {
            return SyncBatches.run(lines, batchSize, batch -> http.patch("/rest/v1.0/projects/" + p
                    + "/direct_costs/line_items/sync", Query.create(), body("updates", batch), JsonNode.class),
                    http.mapper(), DirectCostLineItem.class);
        }
    }
}

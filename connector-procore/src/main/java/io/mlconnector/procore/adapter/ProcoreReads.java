package io.mlconnector.procore.adapter;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.BudgetAdjustmentLine;
import io.mlconnector.procore.model.BudgetChange;
import io.mlconnector.procore.model.BudgetDetailRow;
import io.mlconnector.procore.model.BudgetView;
import io.mlconnector.procore.model.ChangeOrderLineItem;
import io.mlconnector.procore.model.ChangeOrderPackage;
import io.mlconnector.procore.model.CommitmentChangeOrder;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLineItem;
import io.mlconnector.procore.model.PrimeChangeOrder;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.webhook.ProcoreResourceTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reads of the adapter: commitments for a vendor, change orders (packages, commitment and prime change orders)
 * with their REST v2 lines, cost updates (direct costs; budget changes with their adjustment lines from the REST v2
 * project list), the budget per cost code, and the reference lists (vendors active and inactive, cost codes,
 * projects). Objects are translated by the {@link ProcoreTranslator}.
 */
final class ProcoreReads {
    private final ProcoreClient client;
    private final ReferenceCache refs;
    private final ProcoreTranslator translator;

    ProcoreReads(ProcoreClient client, ReferenceCache refs, ProcoreTranslator translator) {
        this.client = client;
        this.refs = refs;
        this.translator = translator;
    }

    Optional<Commitment> findCommitment(ProjectRef project, String vendorId) {
        client.validateProject(project);
        return refs.vendorCommitment(project, ProcoreIds.parse(vendorId, "vendorId"))
                .map(c -> translator.neutral().commitment(project, c, refs.wbsView(project)));
    }

    /**
     * A package ({@code <id>} or {@code change_order_package:<id>}) or a commitment change order
     * ({@code commitment_change_order:<id>}). A package on the project's prime contract (its {@code contract_id} is
     * a prime contract and no commitment change order stands for it) is not a commitment change: it throws
     * {@link NotFoundException}, so the commitment flow writes nothing and the prime change order stream handles it.
     */
    ChangeOrder fetchChangeOrder(ProjectRef project, String id) {
        client.validateProject(project);
        String type = ProcoreResourceTypes.CHANGE_ORDER_PACKAGE;
        String raw = id;
        int colon = id.lastIndexOf(':');
        if (colon >= 0) {
            type = id.substring(0, colon);
            raw = id.substring(colon + 1);
        }
        long changeOrderId = ProcoreIds.parse(raw, "change order id");
        if (ProcoreResourceTypes.COMMITMENT_CHANGE_ORDER.equals(type)) {
            CommitmentChangeOrder cco = client.changeOrders().getCommitmentChangeOrder(project, changeOrderId);
            String currency = translator.neutral().currency(cco.currencyConfiguration());
            return translator.changeOrder(project, cco, lines(project, "commitment change order " + cco.id(),
                    () -> client.changeOrders().commitmentChangeOrderLineItems(project, cco.id()), currency));
        }
        if (!ProcoreResourceTypes.CHANGE_ORDER_PACKAGE.equals(type)) {
            throw new IllegalArgumentException("not a change order ref: " + id);
        }
        ChangeOrderPackage pkg = client.changeOrders().getPackage(project, changeOrderId);
        String currency = translator.neutral().currency(pkg.currencyConfiguration());
        Optional<CommitmentChangeOrder> cco = client.changeOrders().commitmentChangeOrders(project, null, pkg.id())
                .findFirst();
        if (cco.isEmpty() && refs.isPrimeContract(project, pkg.contractId())) {
            // a package on the prime contract changes what the owner is charged: the prime change order stream
            // (fetchPrimeChangeOrder) handles it, the commitment flow must write nothing for it
            throw new NotFoundException(ApiError.of(404, "change order package " + pkg.id() + " on " + project
                    + " is on prime contract " + pkg.contractId() + ", not on a commitment; it is read as a prime"
                    + " change order"));
        }
        List<ChangeOrderLine> lines = cco
                .map(c -> lines(project, "commitment change order " + c.id(),
                        () -> client.changeOrders().commitmentChangeOrderLineItems(project, c.id()), currency))
                .orElse(List.of());
        return translator.changeOrder(project, pkg, lines);
    }

    /**
     * A prime contract change order ({@code <id>} or {@code prime_change_order:<id>}):
     * {@code GET /rest/v1.0/projects/{p}/prime_change_orders/{id}} and its REST v2 line items.
     */
    ChangeOrder fetchPrimeChangeOrder(ProjectRef project, String id) {
        client.validateProject(project);
        long pcoId = ProcoreIds.parseTyped(id, ProcoreResourceTypes.PRIME_CHANGE_ORDER, "prime change order id");
        PrimeChangeOrder pco = client.changeOrders().getPrimeChangeOrder(project, pcoId);
        String currency = translator.neutral().currency(pco.currencyConfiguration());
        return translator.primeChangeOrder(project, pco, lines(project, "prime change order " + pco.id(),
                () -> client.changeOrders().primeChangeOrderLineItems(project, pco.id()), currency));
    }

    private List<ChangeOrderLine> lines(ProjectRef project, String what, Supplier<List<ChangeOrderLineItem>> read,
                                        String currency) {
        List<ChangeOrderLineItem> items;
        try {
            items = read.get();
        } catch (NotFoundException e) {
            // the change order exists (we just read it); a 404 on its lines must not read as "deleted"
            throw new IncompleteObjectException("line items of " + what + " on " + project
                    + " are not readable (HTTP 404); retry later", e);
        }
        return translator.changeOrderLines(items, currency, refs.wbsView(project), byWbsId(project));
    }

    CostUpdate fetchCostUpdate(ProjectRef project, CostUpdateKind kind, String id) {
        client.validateProject(project);
        long objectId = ProcoreIds.parse(id, "id");
        if (kind == CostUpdateKind.DIRECT_COST) {
            DirectCost dc = client.directCosts().get(project, objectId);
            List<DirectCostLineItem> items = dc.lineItems() != null && !dc.lineItems().isEmpty() ? dc.lineItems()
                    : client.directCosts().lineItems(project, objectId);
            return translator.directCost(project, dc, items, refs.wbsView(project));
        }
        BudgetChange bc = client.budget().getBudgetChange(project, objectId);
        List<BudgetAdjustmentLine> adjustments = client.budget().adjustmentLineItems(project)
                .filter(a -> a.budgetChangeId() != null && a.budgetChangeId() == bc.id()).toList();
        return translator.budgetChange(project, bc, adjustments, byWbsId(project));
    }

    /**
     * The budget per cost code: the original budget of the project's first budget view's detail rows, plus the
     * approved budget change adjustment lines on the same budget code. No budget view, no budget.
     */
    List<CostCodeBudget> listCostCodeBudgets(ProjectRef project) {
        client.validateProject(project);
        List<BudgetView> views = client.budget().views(project);
        List<BudgetDetailRow> rows = views.isEmpty() ? List.of() : client.budget().detailRows(project, views.get(0).id()).toList();
        List<BudgetAdjustmentLine> adjustments = client.budget().adjustmentLineItems(project).toList();
        return translator.costCodeBudgets(rows, adjustments, byWbsId(project));
    }

    /**
     * Company vendors, the active ones ({@code GET /rest/v1.0/vendors}) and the inactive ones, which Procore lists
     * apart ({@code GET /rest/v1.0/companies/{c}/vendors/inactive}) and which come out inactive.
     */
    List<Vendor> listVendors() {
        Map<String, Vendor> byId = new LinkedHashMap<>();
        client.vendors().list(ListOptions.bulk()).map(translator.neutral()::vendor).forEach(v -> byId.put(v.ref().id(), v));
        client.vendors().listInactive().map(translator.neutral()::inactiveVendor).forEach(v -> byId.putIfAbsent(v.ref().id(), v));
        return new ArrayList<>(byId.values());
    }

    List<CostCode> listCostCodes(ProjectRef project) {
        return client.costCodes().list(project, ListOptions.bulk()).map(translator.neutral()::costCode).toList();
    }

    List<Project> listProjects() {
        return client.projects().list(ListOptions.bulk()).map(translator.neutral()::project).toList();
    }

    private Function<Long, Optional<BudgetCode>> byWbsId(ProjectRef project) {
        return wbsCodeId -> refs.budgetCode(project, wbsCodeId);
    }
}

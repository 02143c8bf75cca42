package io.mlconnector.procore.adapter;

import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.CurrencyMismatchException;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentApplicationDraft;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.Systems;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.EditNotAllowedException;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.BudgetChange;
import io.mlconnector.procore.model.BudgetChangeAdjustment;
import io.mlconnector.procore.model.ChangeOrderLineItem;
import io.mlconnector.procore.model.ChangeOrderPackage;
import io.mlconnector.procore.model.CommitmentChangeOrder;
import io.mlconnector.procore.model.CommitmentContract;
import io.mlconnector.procore.model.ContractLineItem;
import io.mlconnector.procore.model.ContractPayment;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLineItem;
import io.mlconnector.procore.model.PaymentApplication;
import io.mlconnector.procore.model.PaymentApplicationItem;
import io.mlconnector.procore.model.PrimeContract;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import io.mlconnector.procore.request.ContractPaymentInput;
import io.mlconnector.procore.request.DirectCostInput;
import io.mlconnector.procore.request.DirectCostLineItemInput;
import io.mlconnector.procore.request.PaymentApplicationInput;
import io.mlconnector.procore.request.PaymentApplicationLineItemUpdate;
import io.mlconnector.procore.request.RequisitionInput;
import io.mlconnector.procore.request.RequisitionItemInput;
import io.mlconnector.procore.request.RequisitionItemUpdate;
import io.mlconnector.procore.request.VendorInput;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.sync.SyncFailure;
import io.mlconnector.procore.sync.SyncResult;
import io.mlconnector.procore.webhook.HookScope;
import io.mlconnector.procore.webhook.ProcoreResourceTypes;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.WebhookDelivery;
import io.mlconnector.procore.webhook.WebhookHook;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Procore's side of the sync engine: core's {@link ProjectSystem} port over a {@link ProcoreClient}.
 *
 * <h2>ExternalRef types</h2>
 * System {@code procore}; types {@code project}, {@code vendor}, {@code cost_code}, {@code purchase_order_contract},
 * {@code work_order_contract}, {@code requisition}, {@code direct_cost}, {@code payment_application},
 * {@code contract_payment}, {@code prime_contract}, {@code change_order_package}, {@code commitment_change_order},
 * {@code budget_change} (webhook subjects use the same names, see {@link ProcoreResourceTypes}). Because
 * {@link #fetchChangeOrder} takes only an id, a commitment change order id is passed as
 * {@code commitment_change_order:<id>} (a bare id, or {@code change_order_package:<id>}, is a package).
 *
 * <h2>What each method calls</h2>
 * <ul>
 *   <li>{@code validateProject}: nothing when the company's project list is cached; else {@code GET /rest/v1.0/projects}.</li>
 *   <li>{@code findCommitment}: {@code GET /rest/v1.0/purchase_order_contracts} and {@code /work_order_contracts}
 *       (per project, cached), then the chosen contract's show route for its SOV lines (cached per project + vendor).
 *       These lists are used rather than {@code /rest/v1.0/commitments} because they carry
 *       {@code requisitions_are_enabled}.</li>
 *   <li>{@code findByOrigin}: requisitions {@code GET /rest/v1.0/requisitions?filters[origin_id]}, direct costs
 *       {@code GET /rest/v1.0/projects/{p}/direct_costs?filters[origin_id]}, vendors
 *       {@code GET /rest/v1.0/vendors?filters[origin_id]}; payment applications and contract payments have no origin
 *       filter, so their project lists are read and matched on {@code origin_id}.</li>
 *   <li>{@code createRequisition}: one {@code POST /rest/v1.1/requisitions} with {@code items} on the SOV lines of the
 *       bill's cost codes, into the open billing period (cached; created for the bill's month through
 *       {@code POST /rest/v1.0/projects/{p}/billing_periods} when no period covers it and
 *       {@link Builder#createBillingPeriods} allows).</li>
 *   <li>{@code updateRequisition}: {@code PATCH /rest/v1.0/requisitions/{id}}, then {@code GET .../contract_items} and
 *       a {@code PATCH} per item whose amount changed; a 422 becomes {@link EditNotAllowedException}.</li>
 *   <li>{@code createDirectCost}: one {@code POST /rest/v1.1/projects/{p}/direct_costs} with lines by
 *       {@code wbs_code_id} (resolved from cost code + cost type through the cached
 *       {@code GET /rest/v1.0/projects/{p}/work_breakdown_structure/wbs_codes}); each line carries the origin id
 *       {@code <originId>#<n>}.</li>
 *   <li>{@code updateDirectCost}: {@code PATCH /rest/v1.1/projects/{p}/direct_costs/{id}} for the header and
 *       {@code PATCH /rest/v1.0/projects/{p}/direct_costs/line_items/sync} keyed by the line origin ids; 422 →
 *       {@link EditNotAllowedException}.</li>
 *   <li>{@code createPaymentApplication}: {@code POST /rest/v1.0/prime_contracts/{pc}/payment_applications} on the
 *       project's prime contract (cached), then a {@code PATCH .../payment_application_line_items/{id}} per draft line
 *       whose cost code matches a line returned by the create (none when the answer lists no lines).</li>
 *   <li>{@code createContractPayment}: {@code POST /rest/v1.0/contract_payments} ({@code requisition_id} only for
 *       commitments, not prime contracts).</li>
 *   <li>{@code fetchChangeOrder}: package {@code GET /rest/v1.0/change_order_packages/{id}} + its commitment change
 *       order ({@code filters[legacy_package_id]}) + that one's REST v2 line items; a commitment change order:
 *       show + v2 line items. Approved = status {@code approved}; voided = {@code void}, {@code rejected},
 *       {@code not_proceeding} or deleted. {@code sourceApplicationId} is not on the object (only in webhook
 *       metadata) and stays null.</li>
 *   <li>{@code fetchCostUpdate}: direct cost show + its line items; budget change show (adjustment lines).</li>
 *   <li>{@code listChanged}: {@code filters[updated_at]=since−overlap...now} on change order packages (with
 *       {@code include_deleted=with}), direct costs, budget changes, vendors, projects.</li>
 *   <li>{@code listVendors / listCostCodes / listProjects}: the paged lists, 1,000 per page.</li>
 *   <li>{@code upsertVendors}: {@code PATCH /rest/v1.0/vendors/sync} in batches of ≤ 1000 matched by origin id.</li>
 *   <li>{@code undeliveredEvents}: the namespace's hooks, then their deliveries with status {@code failing} and
 *       {@code discarded}.</li>
 * </ul>
 */
public final class ProcoreProjectSystem implements ProjectSystem {
    private static final Set<String> VOID_STATUSES = Set.of("void", "rejected", "not_proceeding", "voided");
    private static final Set<String> EDITABLE_INVOICE = Set.of("draft", "revise_and_resubmit");

    private final ProcoreClient client;
    private final ReferenceCache refs;
    private final NeutralModel neutral;
    private final boolean createBillingPeriods;
    private final String requisitionStatus;
    private final String directCostStatus;
    private final String directCostType;
    private final Duration pollOverlap;
    private final int batchSize;
    private final String webhookNamespace;
    private final List<ProjectRef> webhookProjects;

    private ProcoreProjectSystem(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        this.refs = new ReferenceCache(client, b.cacheTtl, b.missRefreshInterval);
        this.neutral = new NeutralModel(b.defaultCurrency);
        this.createBillingPeriods = b.createBillingPeriods;
        this.requisitionStatus = b.requisitionStatus;
        this.directCostStatus = b.directCostStatus;
        this.directCostType = b.directCostType;
        this.pollOverlap = b.pollOverlap;
        this.batchSize = b.batchSize;
        this.webhookNamespace = b.webhookNamespace;
        this.webhookProjects = List.copyOf(b.webhookProjects);
    }

    public static Builder builder(ProcoreClient client) {
        return new Builder(client);
    }

    @Override
    public String system() {
        return Systems.PROCORE;
    }

    @Override
    public long companyId() {
        return client.companyId();
    }

    /** The service account's client id, which webhook metadata reports as {@code source_application_id}. */
    @Override
    public String applicationId() {
        return client.clientId();
    }

    @Override
    public void validateProject(ProjectRef project) {
        client.validateProject(project);
    }

    @Override
    public Optional<Commitment> findCommitment(ProjectRef project, String vendorId) {
        client.validateProject(project);
        return refs.vendorCommitment(project, parseId(vendorId, "vendorId")).map(c -> neutral.commitment(project, c));
    }

    @Override
    public Optional<PostedObject> findByOrigin(ProjectRef project, TargetKind kind, String originId) {
        Objects.requireNonNull(originId, "originId");
        if (kind == TargetKind.VENDOR) {
            return client.vendors().findByOriginId(originId).map(v -> new PostedObject(TargetKind.VENDOR,
                    Long.toString(v.id()), null, originId, null, null, true));
        }
        client.validateProject(project);
        return switch (kind) {
            case REQUISITION -> client.requisitions().findByOriginId(project, originId)
                    .map(r -> posted(project, r, requisitionCurrency(project, r)));
            case DIRECT_COST -> client.directCosts().findByOriginId(project, originId).map(d -> posted(project, d));
            case PAYMENT_APPLICATION -> client.contracts().paymentApplications(project)
                    .filter(pa -> originId.equals(NeutralModel.originId(pa.originId()))).findFirst().map(pa -> posted(project, pa));
            case CONTRACT_PAYMENT -> client.contracts().contractPayments(project, null)
                    .filter(cp -> originId.equals(NeutralModel.originId(cp.originId()))).findFirst().map(cp -> posted(project, cp, null));
            default -> throw new IllegalArgumentException("unsupported kind " + kind);
        };
    }

    @Override
    public PostedObject createRequisition(ProjectRef project, RequisitionDraft draft) {
        client.validateProject(project);
        CommitmentContract commitment = refs.commitment(project, parseId(draft.commitmentId(), "commitmentId"));
        if (Boolean.FALSE.equals(commitment.requisitionsAreEnabled())) {
            throw new UnresolvedReferenceException("requisitions are not enabled on commitment " + commitment.id() + " of " + project);
        }
        String currency = neutral.currency(commitment.currencyConfiguration());
        requireCurrency(draft.total(), currency, "commitment " + commitment.id());
        List<RequisitionItemInput> items = new ArrayList<>();
        sovAmounts(commitment, draft.lines(), currency).forEach((lineId, amount) ->
                items.add(RequisitionItemInput.contractItem(lineId, amount)));
        LocalDate billing = draft.billingDate() != null ? draft.billingDate() : draft.periodStart();
        var period = refs.billingPeriod(project, billing, createBillingPeriods);
        RequisitionInput input = new RequisitionInput(period.id(),
                draft.periodStart() != null ? draft.periodStart() : period.startDate(),
                draft.periodEnd() != null ? draft.periodEnd() : period.endDate(),
                draft.billingDate(), draft.invoiceNumber(), requisitionStatus, draft.description(), draft.originId(), null,
                items, null);
        Requisition created;
        try {
            created = client.requisitions().create(project, commitment.id(), input);
        } catch (ValidationException e) {
            // the commitment or its periods may have changed under us: reload next time
            refs.invalidateCommitments(project);
            refs.invalidatePeriods(project);
            // Procore keeps one subcontractor invoice per commitment per billing period and refuses invoices on
            // commitments it does not consider billable: a person fixes that in Procore, then replays the record
            throw new UnresolvedReferenceException("Procore refused the subcontractor invoice on commitment "
                    + commitment.id() + " in billing period " + period.id() + " (" + e.error().message()
                    + "); Procore allows one invoice per commitment per billing period — open the next period or "
                    + "combine the bills in Procore, then replay", e);
        }
        return posted(project, created, currency);
    }

    @Override
    public PostedObject updateRequisition(ProjectRef project, String id, RequisitionDraft draft) {
        client.validateProject(project);
        long requisitionId = parseId(id, "requisition id");
        CommitmentContract commitment = refs.commitment(project, parseId(draft.commitmentId(), "commitmentId"));
        String currency = neutral.currency(commitment.currencyConfiguration());
        requireCurrency(draft.total(), currency, "commitment " + commitment.id());
        Map<Long, BigDecimal> amounts = sovAmounts(commitment, draft.lines(), currency);
        RequisitionInput header = new RequisitionInput(null, draft.periodStart(), draft.periodEnd(), draft.billingDate(),
                draft.invoiceNumber(), null, draft.description(), null, null, null, null);
        return editing("requisition " + id, () -> {
            Requisition updated = client.requisitions().update(project, requisitionId, header);
            for (RequisitionItem item : client.requisitions().contractItems(project, requisitionId)) {
                BigDecimal wanted = item.lineItemId() == null ? null : amounts.get(item.lineItemId());
                if (wanted != null && (item.workCompletedThisPeriod() == null || item.workCompletedThisPeriod().compareTo(wanted) != 0)) {
                    client.requisitions().updateContractItem(project, requisitionId, item.id(),
                            new RequisitionItemUpdate(wanted, null, null));
                }
            }
            return posted(project, updated, currency);
        });
    }

    @Override
    public PostedObject createDirectCost(ProjectRef project, DirectCostDraft draft) {
        client.validateProject(project);
        String currency = draft.total() != null ? draft.total().currency() : null;
        List<DirectCostLineItemInput> lines = directCostLines(project, draft, null);
        DirectCostInput input = new DirectCostInput(null, directCostType, parseId(draft.vendorId(), "vendorId"),
                draft.invoiceNumber(), directCostStatus, draft.date(), draft.date(), null, null, draft.description(), null,
                draft.originId(), null, lines);
        DirectCost created = client.directCosts().create(project, input);
        return posted(project, created, currency);
    }

    @Override
    public PostedObject updateDirectCost(ProjectRef project, String id, DirectCostDraft draft) {
        client.validateProject(project);
        long directCostId = parseId(id, "direct cost id");
        List<DirectCostLineItemInput> lines = directCostLines(project, draft, directCostId);
        DirectCostInput header = new DirectCostInput(null, null, parseId(draft.vendorId(), "vendorId"), draft.invoiceNumber(),
                null, draft.date(), draft.date(), null, null, draft.description(), null, null, null, null);
        return editing("direct cost " + id, () -> {
            DirectCost updated = client.directCosts().update(project, directCostId, header);
            SyncResult<DirectCostLineItem> r = client.directCosts().syncLineItems(project, lines, batchSize);
            if (r.hasFailures()) {
                throw new PartialSyncException("Procore refused lines of direct cost " + id, r.failures());
            }
            return posted(project, updated, draft.total() == null ? null : draft.total().currency());
        });
    }

    @Override
    public PostedObject createPaymentApplication(ProjectRef project, PaymentApplicationDraft draft) {
        client.validateProject(project);
        PrimeContract prime = primeContract(project);
        String currency = neutral.currency(prime.currencyConfiguration());
        requireCurrency(draft.total(), currency, "prime contract " + prime.id());
        PaymentApplication created = client.contracts().createPaymentApplication(project, prime.id(),
                new PaymentApplicationInput(null, draft.periodStart(), draft.periodEnd(), draft.billingDate(),
                        draft.invoiceNumber(), null, draft.originId(), null));
        if (created.items() != null && !created.items().isEmpty()) {
            Map<String, BigDecimal> byCode = new LinkedHashMap<>();
            for (AllocatedLine l : draft.lines()) {
                requireCurrency(l.amount(), currency, "prime contract " + prime.id());
                byCode.merge(WbsCodes.key(l.costCode(), null), l.amount().amount(), BigDecimal::add);
            }
            for (PaymentApplicationItem item : created.items()) {
                String code = WbsCodes.costCodeOf(item.costCode(), item.wbsCode());
                BigDecimal amount = code == null ? null : byCode.remove(WbsCodes.key(code, null));
                if (amount != null) {
                    client.contracts().updatePaymentApplicationLineItem(project, prime.id(), item.id(),
                            new PaymentApplicationLineItemUpdate(amount, null));
                }
            }
        }
        return posted(project, created);
    }

    @Override
    public PostedObject createContractPayment(ProjectRef project, ContractPaymentDraft draft) {
        client.validateProject(project);
        // no contract id = a payment received on the project's prime contract (an invoice payment)
        long contractId = draft.contractId() == null ? primeContract(project).id() : parseId(draft.contractId(), "contractId");
        boolean onPrime = refs.primeContracts(project).stream().anyMatch(pc -> pc.id() == contractId);
        Long requisitionId = !onPrime && draft.invoiceId() != null ? parseId(draft.invoiceId(), "invoiceId") : null;
        ContractPayment created = client.contracts().createContractPayment(project, contractId, new ContractPaymentInput(
                draft.date(), draft.amount().amount(), draft.invoiceNumber(), null, null, paymentMethod(draft.method()), null,
                null, requisitionId, draft.originId(), null));
        return posted(project, created, draft.amount().currency());
    }

    @Override
    public ChangeOrder fetchChangeOrder(ProjectRef project, String id) {
        client.validateProject(project);
        String type = ProcoreResourceTypes.CHANGE_ORDER_PACKAGE;
        String raw = id;
        int colon = id.lastIndexOf(':');
        if (colon >= 0) {
            type = id.substring(0, colon);
            raw = id.substring(colon + 1);
        }
        long changeOrderId = parseId(raw, "change order id");
        if (ProcoreResourceTypes.COMMITMENT_CHANGE_ORDER.equals(type)) {
            CommitmentChangeOrder cco = client.changeOrders().getCommitmentChangeOrder(project, changeOrderId);
            String currency = neutral.currency(cco.currencyConfiguration());
            List<ChangeOrderLine> lines = changeOrderLines(project, cco.id(), currency);
            return new ChangeOrder(NeutralModel.ref(ProcoreResourceTypes.COMMITMENT_CHANGE_ORDER, cco.id()), project,
                    idText(cco.contractId()), cco.number(), cco.revision() == null ? 0 : cco.revision(), cco.title(), cco.status(),
                    approved(cco.status()), voided(cco.status(), cco.deletedAt()), neutral.money(nz(cco.grandTotal()),
                    cco.currencyConfiguration()), effectiveDate(null, cco.reviewedAt()), lines,
                    NeutralModel.version(cco.updatedAt()), null, null);
        }
        if (!ProcoreResourceTypes.CHANGE_ORDER_PACKAGE.equals(type)) {
            throw new IllegalArgumentException("not a change order ref: " + id);
        }
        ChangeOrderPackage pkg = client.changeOrders().getPackage(project, changeOrderId);
        String currency = neutral.currency(pkg.currencyConfiguration());
        List<ChangeOrderLine> lines = client.changeOrders().commitmentChangeOrders(project, null, pkg.id()).findFirst()
                .map(cco -> changeOrderLines(project, cco.id(), currency)).orElse(List.of());
        return new ChangeOrder(NeutralModel.ref(ProcoreResourceTypes.CHANGE_ORDER_PACKAGE, pkg.id()), project,
                idText(pkg.contractId()), pkg.number(), pkg.revision() == null ? 0 : pkg.revision(), pkg.title(), pkg.status(),
                approved(pkg.status()), voided(pkg.status(), pkg.deletedAt()), neutral.money(nz(pkg.grandTotal()),
                pkg.currencyConfiguration()), effectiveDate(pkg.signedChangeOrderReceivedDate(), pkg.reviewedAt()), lines,
                NeutralModel.version(pkg.updatedAt()), null, NeutralModel.originId(pkg.originId()));
    }

    @Override
    public CostUpdate fetchCostUpdate(ProjectRef project, CostUpdateKind kind, String id) {
        client.validateProject(project);
        long objectId = parseId(id, "id");
        if (kind == CostUpdateKind.DIRECT_COST) {
            DirectCost dc = client.directCosts().get(project, objectId);
            String currency = neutral.currency(dc.currencyConfiguration());
            List<DirectCostLineItem> items = dc.lineItems() != null && !dc.lineItems().isEmpty() ? dc.lineItems()
                    : client.directCosts().lineItems(project, objectId);
            List<ChangeOrderLine> lines = items.stream().map(l -> NeutralModel.line(
                    WbsCodes.costCodeOf(l.costCode(), l.wbsCode()), WbsCodes.costTypeOf(l.lineItemType(), l.wbsCode()),
                    l.description(), new Money(nz(l.value()), currency))).toList();
            BigDecimal total = dc.total() != null ? dc.total() : sum(lines);
            return new CostUpdate(NeutralModel.ref(ProcoreResourceTypes.DIRECT_COST, dc.id()), project, kind, dc.description(),
                    dc.status(), dc.deletedAt() != null, dc.directCostDate(), lines, new Money(total, currency),
                    NeutralModel.version(dc.updatedAt()), null, NeutralModel.originId(dc.originId()));
        }
        BudgetChange bc = client.budget().getBudgetChange(project, objectId);
        String currency = neutral.currency(null);
        List<ChangeOrderLine> lines = new ArrayList<>();
        if (bc.adjustmentLineItems() != null) {
            for (BudgetChangeAdjustment a : bc.adjustmentLineItems()) {
                String flat = a.wbsCode() == null ? null : a.wbsCode().flatCode();
                lines.add(NeutralModel.line(WbsCodes.costCode(flat), WbsCodes.costType(flat), a.description(),
                        new Money(nz(a.amount()), currency)));
            }
        }
        return new CostUpdate(NeutralModel.ref(ProcoreResourceTypes.BUDGET_CHANGE, bc.id()), project, kind,
                bc.title() != null ? bc.title() : bc.description(), bc.status(), voided(bc.status(), bc.deletedAt()),
                bc.createdAt() == null ? null : LocalDate.ofInstant(bc.createdAt(), ZoneOffset.UTC), lines,
                new Money(sum(lines), currency), NeutralModel.version(bc.updatedAt()), null, NeutralModel.originId(bc.originId()));
    }

    @Override
    public List<ChangedRecord> listChanged(ProjectRef project, SourceStream stream, Instant since) {
        Instant now = client.clock().instant();
        Instant from = since == null ? Instant.EPOCH : since.minus(pollOverlap);
        if (from.isAfter(now)) {
            from = now;
        }
        ListOptions window = ListOptions.updatedBetween(from, now);
        switch (stream) {
            case VENDORS:
                return client.vendors().list(window).map(v -> new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.VENDOR,
                        v.id()), NeutralModel.version(v.updatedAt()), false)).toList();
            case PROJECTS:
                return client.projects().list(window, "All").map(p -> new ChangedRecord(NeutralModel.ref(
                        ProcoreResourceTypes.PROJECT, p.id()), NeutralModel.version(p.updatedAt()), false)).toList();
            default:
                break;
        }
        client.validateProject(project);
        Instant fromFinal = from;
        return switch (stream) {
            case CHANGE_ORDERS -> client.changeOrders().packages(project, window.withIncludeDeleted("with"), null)
                    .map(p -> new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.CHANGE_ORDER_PACKAGE, p.id()),
                            NeutralModel.version(p.updatedAt()), p.deletedAt() != null)).toList();
            case DIRECT_COSTS -> client.directCosts().list(project, window)
                    .map(d -> new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.DIRECT_COST, d.id()),
                            NeutralModel.version(d.updatedAt()), d.deletedAt() != null)).toList();
            case BUDGET_CHANGES -> client.budget().listBudgetChanges(project, window)
                    .filter(b -> b.updatedAt() == null || !b.updatedAt().isBefore(fromFinal))
                    .map(b -> new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.BUDGET_CHANGE, b.id()),
                            NeutralModel.version(b.updatedAt()), b.deletedAt() != null)).toList();
            default -> throw new IllegalArgumentException("Procore has no stream " + stream);
        };
    }

    @Override
    public List<Vendor> listVendors() {
        return client.vendors().list(ListOptions.bulk()).map(neutral::vendor).toList();
    }

    @Override
    public List<CostCode> listCostCodes(ProjectRef project) {
        return client.costCodes().list(project, ListOptions.bulk()).map(neutral::costCode).toList();
    }

    @Override
    public List<Project> listProjects() {
        return client.projects().list(ListOptions.bulk()).map(neutral::project).toList();
    }

    @Override
    public BatchResult<Vendor> upsertVendors(List<Vendor> vendors) {
        List<VendorInput> inputs = new ArrayList<>();
        Map<String, Vendor> byOrigin = new LinkedHashMap<>();
        Map<Long, Vendor> byId = new LinkedHashMap<>();
        for (Vendor v : vendors) {
            Long id = v.ref() != null && Systems.PROCORE.equals(v.ref().system()) ? parseId(v.ref().id(), "vendor id") : null;
            if (id == null && v.externalId() == null) {
                throw new IllegalArgumentException("vendor " + v.name() + " has neither a Procore id nor an external id to match on");
            }
            inputs.add(new VendorInput(id, v.name(), null, null, null, null, null, null, null, null, null, null, v.active(), null,
                    v.externalId(), v.externalCode(), null, null));
            if (v.externalId() != null) {
                byOrigin.put(v.externalId(), v);
            }
            if (id != null) {
                byId.put(id, v);
            }
        }
        SyncResult<ProcoreVendor> r = client.vendors().sync(inputs, batchSize);
        List<Vendor> ok = r.entities().stream().map(neutral::vendor).toList();
        List<BatchResult.Failure<Vendor>> failed = new ArrayList<>();
        for (SyncFailure f : r.failures()) {
            Vendor submitted = f.originId() != null ? byOrigin.get(f.originId()) : null;
            if (submitted == null && f.id() != null) {
                submitted = byId.get(f.id());
            }
            if (submitted == null) {
                Object name = f.submitted().get("name");
                submitted = new Vendor(null, name == null ? null : name.toString(), f.originId(), null, true, null);
            }
            failed.add(new BatchResult.Failure<>(submitted, f.message()));
        }
        return new BatchResult<>(ok, failed);
    }

    @Override
    public List<InboundEvent> undeliveredEvents(Instant since) {
        if (webhookNamespace == null) {
            throw new IllegalStateException("set webhookNamespace on the builder to read undelivered webhook events");
        }
        List<HookScope> scopes = new ArrayList<>();
        scopes.add(HookScope.company());
        webhookProjects.forEach(p -> scopes.add(HookScope.project(p)));
        Map<String, InboundEvent> events = new LinkedHashMap<>();
        for (HookScope scope : scopes) {
            for (WebhookHook hook : client.webhooks().listHooks(scope, webhookNamespace)) {
                for (String status : List.of("failing", "discarded")) {
                    client.webhooks().deliveries(scope, hook.id(), status, 100)
                            .filter(d -> d.event() != null)
                            .filter(d -> since == null || d.event().timestamp() == null || !d.event().timestamp().isBefore(since))
                            .map(WebhookDelivery::event)
                            .forEach(e -> events.putIfAbsent(e.eventId(), ProcoreWebhookParser.toInbound(e)));
                }
            }
        }
        return List.copyOf(events.values());
    }

    // ---- helpers ----

    private Map<Long, BigDecimal> sovAmounts(CommitmentContract commitment, List<AllocatedLine> lines, String currency) {
        List<ContractLineItem> sov = commitment.lineItems() == null ? List.of() : commitment.lineItems();
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        for (AllocatedLine line : lines) {
            requireCurrency(line.amount(), currency, "commitment " + commitment.id());
            long lineId;
            if (line.commitmentLineId() != null) {
                lineId = parseId(line.commitmentLineId(), "commitmentLineId");
                if (sov.stream().noneMatch(s -> s.id() == lineId)) {
                    throw new UnresolvedReferenceException("SOV line " + lineId + " is not on commitment " + commitment.id());
                }
            } else {
                lineId = sovLineFor(commitment, sov, line.costCode(), line.costType());
            }
            amounts.merge(lineId, line.amount().amount(), BigDecimal::add);
        }
        return amounts;
    }

    private static long sovLineFor(CommitmentContract c, List<ContractLineItem> sov, String costCode, String costType) {
        List<ContractLineItem> byCode = sov.stream()
                .filter(s -> costCode != null && costCode.equalsIgnoreCase(WbsCodes.costCodeOf(s.costCode(), s.wbsCode()))).toList();
        if (costType != null) {
            List<ContractLineItem> byType = byCode.stream()
                    .filter(s -> costType.equalsIgnoreCase(WbsCodes.costTypeOf(s.lineItemType(), s.wbsCode()))).toList();
            if (!byType.isEmpty()) {
                return byType.get(0).id();
            }
        }
        if (byCode.isEmpty()) {
            throw new UnresolvedReferenceException("commitment " + c.id() + " (" + c.number() + ") has no SOV line for cost code "
                    + costCode + (costType == null ? "" : " / cost type " + costType));
        }
        return byCode.get(0).id();
    }

    private List<DirectCostLineItemInput> directCostLines(ProjectRef project, DirectCostDraft draft, Long directCostId) {
        if (draft.lines().size() > 100) {
            throw new IllegalArgumentException("Procore takes at most 100 lines per direct cost; got " + draft.lines().size());
        }
        List<DirectCostLineItemInput> lines = new ArrayList<>();
        int n = 0;
        for (AllocatedLine l : draft.lines()) {
            n++;
            if (draft.total() != null) {
                requireCurrency(l.amount(), draft.total().currency(), "direct cost " + draft.originId());
            }
            long wbs = refs.wbsCodeId(project, l.costCode(), l.costType()).orElseThrow(() -> new UnresolvedReferenceException(
                    "no WBS code for cost code " + l.costCode() + (l.costType() == null ? "" : " / cost type " + l.costType())
                            + " on " + project + " (is there a budget code for it?)"));
            String lineOrigin = draft.originId() == null ? null : draft.originId() + "#" + (l.sourceLineNo() > 0 ? l.sourceLineNo() : n);
            if (directCostId == null) {
                lines.add(new DirectCostLineItemInput(null, null, wbs, null, null, l.amount().amount(), null, l.description(),
                        null, null, null, lineOrigin, null, null));
            } else {
                lines.add(new DirectCostLineItemInput(null, directCostId, wbs, null, null, null, l.amount().amount(),
                        l.description(), null, null, null, lineOrigin, null, null));
            }
        }
        return lines;
    }

    private PrimeContract primeContract(ProjectRef project) {
        List<PrimeContract> all = refs.primeContracts(project);
        return all.stream().filter(pc -> pc.deletedAt() == null)
                .filter(pc -> "approved".equalsIgnoreCase(pc.status()))
                .findFirst().or(() -> all.stream().filter(pc -> pc.deletedAt() == null).findFirst())
                .orElseThrow(() -> new UnresolvedReferenceException("project " + project + " has no prime contract"));
    }

    private List<ChangeOrderLine> changeOrderLines(ProjectRef project, long ccoId, String currency) {
        List<ChangeOrderLine> out = new ArrayList<>();
        try {
            for (ChangeOrderLineItem l : client.changeOrders().commitmentChangeOrderLineItems(project, ccoId)) {
                out.add(NeutralModel.line(WbsCodes.costCodeOf(l.costCode(), l.wbsCode()),
                        WbsCodes.costTypeOf(l.lineItemType(), l.wbsCode()), l.description(), new Money(nz(l.value()), currency)));
            }
        } catch (NotFoundException e) {
            // the change order exists (we just read it); a 404 on its lines must not read as "deleted"
            throw new IncompleteObjectException("line items of commitment change order " + ccoId + " on " + project
                    + " are not readable (HTTP 404); retry later", e);
        }
        return out;
    }

    private <T> T editing(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            if (e.status() == 422 || e.status() == 409 && isLockMessage(e.getMessage())) {
                throw new EditNotAllowedException("Procore refused to edit " + what + " (HTTP " + e.status() + "): "
                        + e.error().message(), e);
            }
            throw e;
        }
    }

    private static boolean isLockMessage(String m) {
        String s = m == null ? "" : m.toLowerCase(Locale.ROOT);
        return s.contains("lock") || s.contains("approved") || s.contains("synced") || s.contains("not editable");
    }

    /** A requisition is in its commitment's currency (the commitment detail is cached). */
    private String requisitionCurrency(ProjectRef project, Requisition r) {
        if (r.commitmentId() == null) {
            return neutral.currency(null);
        }
        return neutral.currency(refs.commitment(project, r.commitmentId()).currencyConfiguration());
    }

    private PostedObject posted(ProjectRef project, Requisition r, String currency) {
        BigDecimal total = r.totalClaimedAmount();
        if (total == null && r.items() != null && !r.items().isEmpty()) {
            total = r.items().stream().map(RequisitionItem::workCompletedThisPeriod).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return new PostedObject(TargetKind.REQUISITION, Long.toString(r.id()), project, NeutralModel.originId(r.originId()),
                total == null || currency == null ? null : new Money(total, currency), r.status(),
                r.status() == null || EDITABLE_INVOICE.contains(r.status().toLowerCase(Locale.ROOT)));
    }

    private PostedObject posted(ProjectRef project, DirectCost d) {
        return posted(project, d, null);
    }

    private PostedObject posted(ProjectRef project, DirectCost d, String fallbackCurrency) {
        String currency = d.currencyConfiguration() != null && d.currencyConfiguration().currencyIsoCode() != null
                ? d.currencyConfiguration().currencyIsoCode() : fallbackCurrency != null ? fallbackCurrency : neutral.currency(null);
        BigDecimal total = d.total();
        return new PostedObject(TargetKind.DIRECT_COST, Long.toString(d.id()), project, NeutralModel.originId(d.originId()),
                total == null ? null : new Money(total, currency), d.status(),
                d.status() == null || !"approved".equalsIgnoreCase(d.status()));
    }

    private PostedObject posted(ProjectRef project, PaymentApplication pa) {
        BigDecimal total = pa.summary() == null ? null : pa.summary().currentPaymentDue();
        return new PostedObject(TargetKind.PAYMENT_APPLICATION, Long.toString(pa.id()), project,
                NeutralModel.originId(pa.originId()), neutral.money(total, pa.currencyConfiguration()), pa.status(),
                pa.status() == null || EDITABLE_INVOICE.contains(pa.status().toLowerCase(Locale.ROOT)));
    }

    private PostedObject posted(ProjectRef project, ContractPayment cp, String currency) {
        return new PostedObject(TargetKind.CONTRACT_PAYMENT, Long.toString(cp.id()), project, NeutralModel.originId(cp.originId()),
                cp.amount() == null ? null : new Money(cp.amount(), currency != null ? currency : neutral.currency(null)),
                cp.status(), true);
    }

    private static void requireCurrency(Money amount, String currency, String what) {
        if (amount != null && currency != null && !amount.currency().equals(currency)) {
            throw new CurrencyMismatchException(currency, amount.currency() + " (posting to " + what + ")");
        }
    }

    private static String paymentMethod(String method) {
        if (method == null) {
            return null;
        }
        String m = method.toLowerCase(Locale.ROOT);
        if (m.contains("check") || m.contains("cheque")) {
            return "check";
        }
        if (m.contains("credit") || m.contains("card") || m.contains("visa") || m.contains("mastercard") || m.contains("amex")) {
            return "credit_card";
        }
        if (m.contains("ach") || m.contains("bank") || m.contains("wire") || m.contains("eft") || m.contains("electronic")
                || m.contains("transfer")) {
            return "electronic";
        }
        return null;
    }

    private static boolean approved(String status) {
        return status != null && "approved".equalsIgnoreCase(status);
    }

    private static boolean voided(String status, Instant deletedAt) {
        return deletedAt != null || status != null && VOID_STATUSES.contains(status.toLowerCase(Locale.ROOT));
    }

    private static LocalDate effectiveDate(LocalDate signed, Instant reviewedAt) {
        if (signed != null) {
            return signed;
        }
        return reviewedAt == null ? null : LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static BigDecimal sum(List<ChangeOrderLine> lines) {
        return lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String idText(Long id) {
        return id == null ? null : Long.toString(id);
    }

    private static long parseId(String id, String what) {
        if (id == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        try {
            long v = Long.parseLong(id.trim());
            if (v <= 0) {
                throw new IllegalArgumentException(what + " must be a positive Procore id: " + id);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a Procore id: " + id);
        }
    }

    /** Builder for {@link ProcoreProjectSystem}. */
    public static final class Builder {
        private final ProcoreClient client;
        private String defaultCurrency = "USD";
        private boolean createBillingPeriods = true;
        private String requisitionStatus;
        private String directCostStatus = "approved";
        private String directCostType = "invoice";
        private Duration cacheTtl = Duration.ofMinutes(30);
        private Duration missRefreshInterval = Duration.ofMinutes(1);
        private Duration pollOverlap = Duration.ofMinutes(2);
        private int batchSize = 1000;
        private String webhookNamespace;
        private final List<ProjectRef> webhookProjects = new ArrayList<>();

        private Builder(ProcoreClient client) {
            this.client = client;
        }

        /** Currency of objects that do not report one (default USD; multicurrency objects carry their own). */
        public Builder defaultCurrency(String value) {
            this.defaultCurrency = value;
            return this;
        }

        /** Whether a billing period may be created for a bill's month when none covers it (default true). */
        public Builder createBillingPeriods(boolean value) {
            this.createBillingPeriods = value;
            return this;
        }

        /** Status sent on requisition create (default none: Procore's default, draft). */
        public Builder requisitionStatus(String value) {
            this.requisitionStatus = value;
            return this;
        }

        /** Status of created direct costs (default {@code approved}: the bill is already approved in the books). */
        public Builder directCostStatus(String value) {
            this.directCostStatus = value;
            return this;
        }

        /** {@code direct_cost_type} of created direct costs (default {@code invoice}). */
        public Builder directCostType(String value) {
            this.directCostType = value;
            return this;
        }

        /** How long reference data (commitments, periods, WBS codes, prime contracts) is cached (default 30 min). */
        public Builder cacheTtl(Duration value) {
            this.cacheTtl = Objects.requireNonNull(value);
            return this;
        }

        /** The least time between two WBS reloads caused by an unknown code (default 1 min). */
        public Builder missRefreshInterval(Duration value) {
            this.missRefreshInterval = Objects.requireNonNull(value);
            return this;
        }

        /** How far {@code listChanged} reaches back before {@code since} (default 2 min; timestamps have second precision). */
        public Builder pollOverlap(Duration value) {
            this.pollOverlap = Objects.requireNonNull(value);
            return this;
        }

        /** Sync batch size, clamped to 1..1000 (default 1000). */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** Our webhook namespace; required for {@link #undeliveredEvents(Instant)}. */
        public Builder webhookNamespace(String value) {
            this.webhookNamespace = value;
            return this;
        }

        /** Projects with project-level hooks to also check for undelivered events. */
        public Builder webhookProject(ProjectRef project) {
            this.webhookProjects.add(Objects.requireNonNull(project));
            return this;
        }

        public ProcoreProjectSystem build() {
            return new ProcoreProjectSystem(this);
        }
    }
}

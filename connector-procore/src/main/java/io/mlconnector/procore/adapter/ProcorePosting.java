package io.mlconnector.procore.adapter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.PaymentApplicationDraft;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.Systems;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.EditNotAllowedException;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.BillingPeriod;
import io.mlconnector.procore.model.CommitmentContract;
import io.mlconnector.procore.model.ContractPayment;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLineItem;
import io.mlconnector.procore.model.PaymentApplication;
import io.mlconnector.procore.model.PaymentApplicationItem;
import io.mlconnector.procore.model.PrimeContract;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import io.mlconnector.procore.request.DirectCostLineItemInput;
import io.mlconnector.procore.request.PaymentApplicationLineItemUpdate;
import io.mlconnector.procore.request.RequisitionItemUpdate;
import io.mlconnector.procore.request.VendorInput;
import io.mlconnector.procore.sync.SyncFailure;
import io.mlconnector.procore.sync.SyncResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The writes of the adapter and the origin-id lookups that recover them: requisitions, direct costs, payment
 * applications, contract payments and vendors. Request bodies come from the {@link ProcoreTranslator}; reference data
 * from the {@link ReferenceCache}.
 *
 * <h2>Finding a contract payment by origin id</h2>
 * Procore lists contract payments only per contract ({@code contract_id} is required), and the port's
 * {@code findByOrigin} names no contract. Payments never move between contracts, so each payment's contract is
 * remembered when it is created or seen; an unknown origin id is looked for on the project's contracts — commitments
 * first for a bill payment ({@code …:bill_payment:…}), the prime contract first otherwise — remembering every payment
 * read on the way. Lists are always read fresh (a stale "absent" would post twice).
 */
final class ProcorePosting {
    private final ProcoreClient client;
    private final ReferenceCache refs;
    private final ProcoreTranslator translator;
    private final boolean createBillingPeriods;
    private final String requisitionStatus;
    private final String directCostStatus;
    private final String directCostType;
    private final int batchSize;
    /** (project, payment origin id) → contract id. */
    private final Cache<String, Long> paymentContracts = Caffeine.newBuilder().maximumSize(200_000).build();

    ProcorePosting(ProcoreClient client, ReferenceCache refs, ProcoreTranslator translator, boolean createBillingPeriods,
                   String requisitionStatus, String directCostStatus, String directCostType, int batchSize) {
        this.client = client;
        this.refs = refs;
        this.translator = translator;
        this.createBillingPeriods = createBillingPeriods;
        this.requisitionStatus = requisitionStatus;
        this.directCostStatus = directCostStatus;
        this.directCostType = directCostType;
        this.batchSize = batchSize;
    }

    Optional<PostedObject> findByOrigin(ProjectRef project, TargetKind kind, String originId) {
        if (kind == TargetKind.VENDOR) {
            return client.vendors().findByOriginId(originId).map(v -> new PostedObject(TargetKind.VENDOR,
                    Long.toString(v.id()), null, originId, null, null, true));
        }
        client.validateProject(project);
        return switch (kind) {
            case REQUISITION -> client.requisitions().findByOriginId(project, originId)
                    .map(r -> translator.posted(project, r, requisitionCurrency(project, r)));
            case DIRECT_COST -> client.directCosts().findByOriginId(project, originId)
                    .map(d -> translator.posted(project, d, null));
            case PAYMENT_APPLICATION -> client.contracts().paymentApplications(project)
                    .filter(pa -> originId.equals(NeutralModel.originId(pa.originId()))).findFirst()
                    .map(pa -> translator.posted(project, pa));
            case CONTRACT_PAYMENT -> findContractPayment(project, originId);
            default -> throw new IllegalArgumentException("unsupported kind " + kind);
        };
    }

    PostedObject createRequisition(ProjectRef project, RequisitionDraft draft) {
        client.validateProject(project);
        CommitmentContract commitment = refs.commitment(project, ProcoreIds.parse(draft.commitmentId(), "commitmentId"));
        if (Boolean.FALSE.equals(commitment.requisitionsAreEnabled())) {
            throw new UnresolvedReferenceException("requisitions are not enabled on commitment " + commitment.id() + " of " + project);
        }
        String currency = translator.neutral().currency(commitment.currencyConfiguration());
        ProcoreTranslator.requireCurrency(draft.total(), currency, "commitment " + commitment.id());
        Map<Long, BigDecimal> amounts = translator.sovAmounts(commitment, draft.lines(), currency, refs.wbsView(project));
        BillingPeriod period = refs.billingPeriod(project, draft.billingDate() != null ? draft.billingDate() : draft.periodStart(),
                createBillingPeriods);
        Requisition created;
        try {
            created = client.requisitions().create(project, commitment.id(),
                    translator.newRequisition(draft, period, requisitionStatus, amounts));
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
        return translator.posted(project, created, currency);
    }

    /**
     * {@code PATCH /rest/v1.0/requisitions/{id}} (project and commitment ids in the body), then the contract items
     * whose amount changed.
     */
    PostedObject updateRequisition(ProjectRef project, String id, RequisitionDraft draft) {
        client.validateProject(project);
        long requisitionId = ProcoreIds.parse(id, "requisition id");
        CommitmentContract commitment = refs.commitment(project, ProcoreIds.parse(draft.commitmentId(), "commitmentId"));
        String currency = translator.neutral().currency(commitment.currencyConfiguration());
        ProcoreTranslator.requireCurrency(draft.total(), currency, "commitment " + commitment.id());
        Map<Long, BigDecimal> amounts = translator.sovAmounts(commitment, draft.lines(), currency, refs.wbsView(project));
        return editing("requisition " + id, () -> {
            Requisition updated = client.requisitions().update(project, requisitionId, commitment.id(),
                    translator.requisitionHeader(draft));
            for (RequisitionItem item : client.requisitions().contractItems(project, requisitionId)) {
                BigDecimal wanted = item.lineItemId() == null ? null : amounts.get(item.lineItemId());
                if (wanted != null && (item.workCompletedThisPeriod() == null || item.workCompletedThisPeriod().compareTo(wanted) != 0)) {
                    client.requisitions().updateContractItem(project, requisitionId, item.id(),
                            new RequisitionItemUpdate(wanted, null, null));
                }
            }
            return translator.posted(project, updated, currency);
        });
    }

    PostedObject createDirectCost(ProjectRef project, DirectCostDraft draft) {
        client.validateProject(project);
        String currency = draft.total() != null ? draft.total().currency() : null;
        List<ProcoreTranslator.DirectCostLine> lines = translator.directCostLines(draft,
                l -> refs.wbsCodeId(project, l.costCode(), l.costType()), project);
        DirectCost created = client.directCosts().create(project, translator.newDirectCost(draft, directCostType,
                directCostStatus, lines));
        return translator.posted(project, created, currency);
    }

    /**
     * An edited bill leaves the direct cost with exactly the bill's number and lines: the header (invoice number
     * included) through the v1.0 update, which has {@code invoice_number} (the v1.1 update does not); then the lines
     * are compared with the bill's by origin id — changed and new ones go through the line item sync, lines the bill
     * no longer has are deleted (after the sync, so a failure never leaves the cost without lines).
     */
    PostedObject updateDirectCost(ProjectRef project, String id, DirectCostDraft draft) {
        client.validateProject(project);
        long directCostId = ProcoreIds.parse(id, "direct cost id");
        List<ProcoreTranslator.DirectCostLine> wanted = translator.directCostLines(draft,
                l -> refs.wbsCodeId(project, l.costCode(), l.costType()), project);
        return editing("direct cost " + id, () -> {
            DirectCost updated = client.directCosts().updateItem(project, directCostId, translator.directCostHeader(draft));
            Map<String, DirectCostLineItem> existingByOrigin = new HashMap<>();
            List<DirectCostLineItem> existing = client.directCosts().lineItems(project, directCostId);
            for (DirectCostLineItem l : existing) {
                String origin = NeutralModel.originId(l.originId());
                if (origin != null) {
                    existingByOrigin.putIfAbsent(origin, l);
                }
            }
            List<DirectCostLineItemInput> sync = new ArrayList<>();
            List<Long> keep = new ArrayList<>();
            for (ProcoreTranslator.DirectCostLine line : wanted) {
                DirectCostLineItem match = line.originId() == null ? null : existingByOrigin.get(line.originId());
                if (match != null) {
                    keep.add(match.id());
                    if (!ProcoreTranslator.sameLine(match, line)) {
                        sync.add(translator.lineSync(directCostId, match.id(), line));
                    }
                } else {
                    sync.add(translator.lineSync(directCostId, null, line));
                }
            }
            if (!sync.isEmpty()) {
                SyncResult<DirectCostLineItem> r = client.directCosts().syncLineItems(project, sync, batchSize);
                if (r.hasFailures()) {
                    throw new PartialSyncException("Procore refused lines of direct cost " + id, r.failures());
                }
            }
            for (DirectCostLineItem l : existing) {
                if (!keep.contains(l.id())) {
                    client.directCosts().deleteLineItem(project, directCostId, l.id());
                }
            }
            return translator.posted(project, updated, draft.total() == null ? null : draft.total().currency());
        });
    }

    PostedObject createPaymentApplication(ProjectRef project, PaymentApplicationDraft draft) {
        client.validateProject(project);
        PrimeContract prime = refs.primeContract(project);
        String currency = translator.neutral().currency(prime.currencyConfiguration());
        ProcoreTranslator.requireCurrency(draft.total(), currency, "prime contract " + prime.id());
        Map<String, BigDecimal> byCode = translator.amountsByCostCode(draft.lines(), currency, "prime contract " + prime.id());
        PaymentApplication created = client.contracts().createPaymentApplication(project, prime.id(),
                translator.newPaymentApplication(draft));
        if (created.items() != null && !created.items().isEmpty()) {
            WbsIndex wbs = refs.wbsView(project);
            for (PaymentApplicationItem item : created.items()) {
                String code = wbs.costCodeOf(item.costCode(), item.wbsCode());
                BigDecimal amount = code == null ? null : byCode.remove(WbsIndex.key(code, null));
                if (amount != null) {
                    client.contracts().updatePaymentApplicationLineItem(project, prime.id(), item.id(),
                            new PaymentApplicationLineItemUpdate(amount, null));
                }
            }
        }
        return translator.posted(project, created);
    }

    PostedObject createContractPayment(ProjectRef project, ContractPaymentDraft draft) {
        client.validateProject(project);
        // no contract id = a payment received on the project's prime contract (an invoice payment)
        long contractId = draft.contractId() == null ? refs.primeContract(project).id()
                : ProcoreIds.parse(draft.contractId(), "contractId");
        boolean onPrime = refs.isPrimeContract(project, contractId);
        Long requisitionId = !onPrime && draft.invoiceId() != null ? ProcoreIds.parse(draft.invoiceId(), "invoiceId") : null;
        ContractPayment created = client.contracts().createContractPayment(project, contractId,
                translator.contractPayment(draft, requisitionId));
        if (draft.originId() != null) {
            paymentContracts.put(paymentKey(project, draft.originId()), contractId);
        }
        return translator.posted(project, created, draft.amount().currency());
    }

    BatchResult<Vendor> upsertVendors(List<Vendor> vendors) {
        List<VendorInput> inputs = new ArrayList<>();
        Map<String, Vendor> byOrigin = new LinkedHashMap<>();
        Map<Long, Vendor> byId = new LinkedHashMap<>();
        for (Vendor v : vendors) {
            Long id = v.ref() != null && Systems.PROCORE.equals(v.ref().system()) ? ProcoreIds.parse(v.ref().id(), "vendor id") : null;
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
        List<Vendor> ok = r.entities().stream().map(translator.neutral()::vendor).toList();
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

    // ---- contract payments by origin id ----

    private Optional<PostedObject> findContractPayment(ProjectRef project, String originId) {
        String key = paymentKey(project, originId);
        Long known = paymentContracts.getIfPresent(key);
        if (known != null) {
            // payments do not move between contracts: absent from its contract means it is gone
            return scanContract(project, known, originId);
        }
        List<Long> searched = new ArrayList<>();
        for (long contractId : contractsToSearch(project, originId)) {
            searched.add(contractId);
            Optional<PostedObject> found = scanContract(project, contractId, originId);
            if (found.isPresent()) {
                return found;
            }
        }
        // a contract created since the lists were cached (on another node, before a crash) may hold it: read the
        // lists again and search only what is new, so "not found" never rests on a stale list
        refs.invalidateCommitments(project);
        refs.invalidatePrimeContracts(project);
        for (long contractId : contractsToSearch(project, originId)) {
            if (searched.contains(contractId)) {
                continue;
            }
            Optional<PostedObject> found = scanContract(project, contractId, originId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<PostedObject> scanContract(ProjectRef project, long contractId, String originId) {
        PostedObject found = null;
        for (ContractPayment cp : client.contracts().contractPayments(project, contractId).toList()) {
            String origin = NeutralModel.originId(cp.originId());
            if (origin == null) {
                continue;
            }
            paymentContracts.put(paymentKey(project, origin), contractId);
            if (found == null && origin.equals(originId)) {
                found = translator.posted(project, cp, contractCurrency(project, contractId));
            }
        }
        return Optional.ofNullable(found);
    }

    /** The project's contracts that can hold payments, in the order a payment with this origin id is likelier on. */
    private List<Long> contractsToSearch(ProjectRef project, String originId) {
        List<Long> prime = refs.primeContracts(project).stream().filter(pc -> pc.deletedAt() == null).map(PrimeContract::id).toList();
        List<Long> commitments = refs.commitments(project).stream().map(ReferenceCache.Listed::contract)
                .filter(c -> c.deletedAt() == null).map(CommitmentContract::id).toList();
        List<Long> out = new ArrayList<>();
        boolean billPayment = originId.toLowerCase(Locale.ROOT).contains(":bill_payment:");
        out.addAll(billPayment ? commitments : prime);
        out.addAll(billPayment ? prime : commitments);
        return out;
    }

    private String contractCurrency(ProjectRef project, long contractId) {
        for (PrimeContract pc : refs.primeContracts(project)) {
            if (pc.id() == contractId) {
                return translator.neutral().currency(pc.currencyConfiguration());
            }
        }
        return refs.commitments(project).stream().map(ReferenceCache.Listed::contract).filter(c -> c.id() == contractId)
                .findFirst().map(c -> translator.neutral().currency(c.currencyConfiguration()))
                .orElse(translator.neutral().currency(null));
    }

    private static String paymentKey(ProjectRef project, String originId) {
        return project.projectId() + "|" + originId;
    }

    // ---- helpers ----

    /** A requisition is in its commitment's currency (the commitment detail is cached). */
    private String requisitionCurrency(ProjectRef project, Requisition r) {
        if (r.commitmentId() == null) {
            return translator.neutral().currency(null);
        }
        return translator.neutral().currency(refs.commitment(project, r.commitmentId()).currencyConfiguration());
    }

    private static <T> T editing(String what, Supplier<T> call) {
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
}

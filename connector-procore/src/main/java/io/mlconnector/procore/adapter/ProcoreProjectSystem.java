package io.mlconnector.procore.adapter;

import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.DirectCostDraft;
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
import io.mlconnector.procore.webhook.ProcoreResourceTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Procore's side of the sync engine: core's {@link ProjectSystem} port over a {@link ProcoreClient}. A facade over
 * four parts that can each be read and tested alone: {@link ProcoreTranslator} (neutral records ⇄ Procore objects,
 * no calls), {@link ProcorePosting} (writes and origin-id lookups), {@link ProcoreReads} (change orders, cost
 * updates, budgets, reference lists) and {@link ProcorePolling} (what changed since, undelivered webhooks), sharing
 * one {@link ReferenceCache}.
 *
 * <h2>ExternalRef types</h2>
 * System {@code procore}; types {@code project}, {@code vendor}, {@code cost_code}, {@code purchase_order_contract},
 * {@code work_order_contract}, {@code requisition}, {@code direct_cost}, {@code payment_application},
 * {@code contract_payment}, {@code prime_contract}, {@code change_order_package}, {@code commitment_change_order},
 * {@code prime_change_order}, {@code budget_change} (webhook subjects use the same names, see
 * {@link ProcoreResourceTypes}). Because {@link #fetchChangeOrder} takes only an id, a commitment change order id is
 * passed as {@code commitment_change_order:<id>} (a bare id, or {@code change_order_package:<id>}, is a package).
 *
 * <h2>What each method calls</h2>
 * <ul>
 *   <li>{@code validateProject}: nothing when the company's project list is cached; else {@code GET /rest/v1.0/projects}.</li>
 *   <li>{@code findCommitment}: {@code GET /rest/v1.0/purchase_order_contracts} and {@code /work_order_contracts}
 *       (per project, cached), then the chosen contract's show route for its SOV lines (cached per project + vendor).</li>
 *   <li>{@code findByOrigin}: requisitions {@code GET /rest/v1.0/requisitions?filters[origin_id]}, direct costs
 *       {@code GET /rest/v1.0/projects/{p}/direct_costs?filters[origin_id]}, vendors
 *       {@code GET /rest/v1.0/vendors?filters[origin_id]}; payment applications: the project's list, matched on
 *       {@code origin_id}; contract payments: {@code GET /rest/v1.0/contract_payments?project_id&contract_id} of the
 *       payment's remembered contract, else of each contract of the project (see {@link ProcorePosting}).</li>
 *   <li>{@code createRequisition}: one {@code POST /rest/v1.1/requisitions} with {@code items} on the SOV lines of the
 *       bill's cost codes, into the open billing period (cached; created for the bill's month through
 *       {@code POST /rest/v1.0/projects/{p}/billing_periods} when no period covers it and
 *       {@link Builder#createBillingPeriods} allows).</li>
 *   <li>{@code updateRequisition}: {@code PATCH /rest/v1.0/requisitions/{id}} with project and commitment ids, then
 *       {@code GET .../contract_items} and a {@code PATCH} per item whose amount changed; a 422 becomes
 *       {@link EditNotAllowedException}.</li>
 *   <li>{@code createDirectCost}: one {@code POST /rest/v1.1/projects/{p}/direct_costs} with lines by
 *       {@code wbs_code_id} (resolved from cost code + cost type through the cached project budget codes, read with
 *       the company's WBS pattern); each line carries the origin id {@code <originId>#<n>}.</li>
 *   <li>{@code updateDirectCost}: {@code PATCH /rest/v1.0/projects/{p}/direct_costs/{id}} (header with
 *       {@code invoice_number}), {@code GET .../direct_costs/{id}/line_items}, {@code PATCH .../direct_costs/line_items/sync}
 *       for changed and new lines, {@code DELETE .../direct_costs/{id}/line_items/{line}} for lines the bill no longer
 *       has; 422 → {@link EditNotAllowedException}.</li>
 *   <li>{@code createPaymentApplication}: {@code POST /rest/v1.0/prime_contracts/{pc}/payment_applications} on the
 *       project's prime contract (cached), then a {@code PATCH .../payment_application_line_items/{id}} per draft line
 *       whose cost code matches a line returned by the create.</li>
 *   <li>{@code createContractPayment}: {@code POST /rest/v1.0/contract_payments} ({@code requisition_id} only for
 *       commitments, not prime contracts).</li>
 *   <li>{@code fetchChangeOrder}: package {@code GET /rest/v1.0/change_order_packages/{id}} + its commitment change
 *       order ({@code filters[legacy_package_id]}) + that one's REST v2 line items; a commitment change order:
 *       show + v2 line items. Approved = status {@code approved}; voided = {@code void}, {@code rejected},
 *       {@code not_proceeding} or deleted.</li>
 *   <li>{@code fetchPrimeChangeOrder}: {@code GET /rest/v1.0/projects/{p}/prime_change_orders/{id}} + REST v2
 *       {@code .../prime_change_orders/{id}/line_items}.</li>
 *   <li>{@code fetchCostUpdate}: direct cost show + its line items; budget change show + the REST v2 project
 *       adjustment line items of that budget change.</li>
 *   <li>{@code listCostCodeBudgets}: {@code GET /rest/v1.0/budget_views}, the first view's detail rows (original
 *       budget) and the REST v2 adjustment line items (approved changes).</li>
 *   <li>{@code listChanged}: see {@link ProcorePolling}.</li>
 *   <li>{@code listVendors / listCostCodes / listProjects}: the paged lists, 1,000 per page; vendors include the
 *       inactive list.</li>
 *   <li>{@code upsertVendors}: {@code PATCH /rest/v1.0/vendors/sync} in batches of ≤ 1000 matched by origin id.</li>
 *   <li>{@code undeliveredEvents}: the namespace's hooks, then their deliveries with status {@code failing} and
 *       {@code discarded}.</li>
 * </ul>
 */
public final class ProcoreProjectSystem implements ProjectSystem {
    private final ProcoreClient client;
    private final ProcorePosting posting;
    private final ProcoreReads reads;
    private final ProcorePolling polling;

    private ProcoreProjectSystem(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        ReferenceCache refs = new ReferenceCache(client, b.cacheTtl, b.missRefreshInterval);
        ProcoreTranslator translator = new ProcoreTranslator(new NeutralModel(b.defaultCurrency));
        this.posting = new ProcorePosting(client, refs, translator, b.createBillingPeriods, b.requisitionStatus,
                b.directCostStatus, b.directCostType, b.batchSize);
        this.reads = new ProcoreReads(client, refs, translator);
        this.polling = new ProcorePolling(client, b.pollOverlap, b.deletionSweepInterval, b.deletionRetention,
                b.webhookNamespace, b.webhookProjects);
    }

    /**
     * Starts a builder.
     *
     * @param client the Procore client
     * @return a new builder
     */
    public static Builder builder(ProcoreClient client) {
        return new Builder(client);
    }

    @Override
    public String expenseMarkerPrefix() {
        return "pc:";
    }

    @Override
    public java.util.Optional<io.mlconnector.core.port.RecordKind> recordKindOf(String resource) {
        return ProcoreResources.kindOf(resource);
    }

    @Override
    public java.util.List<io.mlconnector.core.port.SourceStream> streams() {
        return ProcoreResources.STREAMS;
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
        return reads.findCommitment(project, vendorId);
    }

    @Override
    public Optional<PostedObject> findByOrigin(ProjectRef project, TargetKind kind, String originId) {
        Objects.requireNonNull(originId, "originId");
        return posting.findByOrigin(project, kind, originId);
    }

    @Override
    public PostedObject createRequisition(ProjectRef project, RequisitionDraft draft) {
        return posting.createRequisition(project, draft);
    }

    @Override
    public PostedObject updateRequisition(ProjectRef project, String id, RequisitionDraft draft) {
        return posting.updateRequisition(project, id, draft);
    }

    @Override
    public PostedObject createDirectCost(ProjectRef project, DirectCostDraft draft) {
        return posting.createDirectCost(project, draft);
    }

    @Override
    public PostedObject updateDirectCost(ProjectRef project, String id, DirectCostDraft draft) {
        return posting.updateDirectCost(project, id, draft);
    }

    @Override
    public PostedObject createPaymentApplication(ProjectRef project, PaymentApplicationDraft draft) {
        return posting.createPaymentApplication(project, draft);
    }

    @Override
    public PostedObject createContractPayment(ProjectRef project, ContractPaymentDraft draft) {
        return posting.createContractPayment(project, draft);
    }

    @Override
    public ChangeOrder fetchChangeOrder(ProjectRef project, String id) {
        return reads.fetchChangeOrder(project, id);
    }

    @Override
    public ChangeOrder fetchPrimeChangeOrder(ProjectRef project, String id) {
        return reads.fetchPrimeChangeOrder(project, id);
    }

    @Override
    public CostUpdate fetchCostUpdate(ProjectRef project, CostUpdateKind kind, String id) {
        return reads.fetchCostUpdate(project, kind, id);
    }

    @Override
    public List<CostCodeBudget> listCostCodeBudgets(ProjectRef project) {
        return reads.listCostCodeBudgets(project);
    }

    @Override
    public List<ChangedRecord> listChanged(ProjectRef project, SourceStream stream, Instant since) {
        return polling.listChanged(project, stream, since);
    }

    @Override
    public List<Vendor> listVendors() {
        return reads.listVendors();
    }

    @Override
    public List<CostCode> listCostCodes(ProjectRef project) {
        return reads.listCostCodes(project);
    }

    @Override
    public List<Project> listProjects() {
        return reads.listProjects();
    }

    @Override
    public BatchResult<Vendor> upsertVendors(List<Vendor> vendors) {
        return posting.upsertVendors(vendors);
    }

    @Override
    public List<InboundEvent> undeliveredEvents(Instant since) {
        return polling.undeliveredEvents(since);
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
        private Duration deletionSweepInterval = Duration.ofMinutes(15);
        private Duration deletionRetention = Duration.ofDays(1);
        private int batchSize = 1000;
        private String webhookNamespace;
        private final List<ProjectRef> webhookProjects = new ArrayList<>();

        private Builder(ProcoreClient client) {
            this.client = client;
        }

        /**
         * Currency of objects that do not report one (default USD; multicurrency objects carry their own).
         *
         * @param value currency of objects that do not report one
         * @return this builder
         */
        public Builder defaultCurrency(String value) {
            this.defaultCurrency = value;
            return this;
        }

        /**
         * Whether a billing period may be created for a bill's month when none covers it (default true).
         *
         * @param value whether a billing period may be created for a bill's month when none covers it
         * @return this builder
         */
        public Builder createBillingPeriods(boolean value) {
            this.createBillingPeriods = value;
            return this;
        }

        /**
         * Status sent on requisition create (default none: Procore's default, draft).
         *
         * @param value the value
         * @return this builder
         */
        public Builder requisitionStatus(String value) {
            this.requisitionStatus = value;
            return this;
        }

        /**
         * Status of created direct costs (default {@code approved}: the bill is already approved in the books).
         *
         * @param value the value
         * @return this builder
         */
        public Builder directCostStatus(String value) {
            this.directCostStatus = value;
            return this;
        }

        /**
         * {@code direct_cost_type} of created direct costs (default {@code invoice}).
         *
         * @param value the value
         * @return this builder
         */
        public Builder directCostType(String value) {
            this.directCostType = value;
            return this;
        }

        /**
         * How long reference data (commitments, periods, WBS codes, prime contracts) is cached (default 30 min).
         *
         * @param value how long reference data (commitments, periods, WBS codes, prime contracts) is cached
         * @return this builder
         */
        public Builder cacheTtl(Duration value) {
            this.cacheTtl = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The least time between two WBS reloads caused by an unknown code (default 1 min).
         *
         * @param value the least time between two WBS reloads caused by an unknown code
         * @return this builder
         */
        public Builder missRefreshInterval(Duration value) {
            this.missRefreshInterval = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How far {@code listChanged} reaches back before {@code since} (default 2 min; timestamps have second precision).
         *
         * @param value how far {@code listChanged} reaches back before {@code since}
         * @return this builder
         */
        public Builder pollOverlap(Duration value) {
            this.pollOverlap = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How often {@code listChanged(DIRECT_COSTS)} reads a project's full direct cost list to find deletions, which
         * Procore's list cannot filter for (default 15 min; zero = every poll).
         *
         * @param value how often {@code listChanged(DIRECT_COSTS)} reads a project's full direct cost list to find
         *     deletions, which Procore's list cannot filter for
         * @return this builder
         */
        public Builder deletionSweepInterval(Duration value) {
            this.deletionSweepInterval = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long a found deletion keeps being reported by {@code listChanged} (default 1 day).
         *
         * @param value how long a found deletion keeps being reported by {@code listChanged}
         * @return this builder
         */
        public Builder deletionRetention(Duration value) {
            this.deletionRetention = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sync batch size, clamped to 1..1000 (default 1000).
         *
         * @param value sync batch size, clamped to 1..1000
         * @return this builder
         */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * Our webhook namespace; required for {@link #undeliveredEvents(Instant)}.
         *
         * @param value our webhook namespace
         * @return this builder
         */
        public Builder webhookNamespace(String value) {
            this.webhookNamespace = value;
            return this;
        }

        /**
         * Projects with project-level hooks to also check for undelivered events.
         *
         * @param project the project
         * @return this builder
         */
        public Builder webhookProject(ProjectRef project) {
            this.webhookProjects.add(Objects.requireNonNull(project));
            return this;
        }

        /**
         * Builds the {@code ProcoreProjectSystem} from the settings given so far.
         *
         * @return the new {@code ProcoreProjectSystem}
         */
        public ProcoreProjectSystem build() {
            return new ProcoreProjectSystem(this);
        }
    }
}

package io.mlconnector.testkit.ports;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.CommitmentLine;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.ExternalRef;
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
import io.mlconnector.core.port.InvalidProjectException;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.port.SourceStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A stateful, thread-safe in-memory {@link ProjectSystem} (Procore-like) bound to one company, for tests of the
 * sync engine.
 *
 * <p>Seed it with {@link #addVendor}, {@link #addProject}, {@link #addCostCode}, {@link #commitment},
 * {@link #changeOrder}, {@link #primeChangeOrder}, {@link #costUpdate} and {@link #putCostCodeBudget}. Objects the engine creates are stored with their draft and found
 * again by {@link #findByOrigin}; several objects may carry the same origin id (the fake does not hide duplicates,
 * so a test can count them with {@link #postedWithOrigin}). Direct costs, whether created through the port or
 * seeded, are also listed by {@code listChanged(DIRECT_COSTS)} and fetched by {@code fetchCostUpdate} (those we
 * created carry {@link #applicationId()} as source application, the way our own writes echo back).
 *
 * <p>Project-scoped methods validate the company/project pair first and throw {@link InvalidProjectException} for an
 * unknown company, an unknown project, or a project of another company. {@link #lock} makes a posted requisition or
 * direct cost refuse updates with {@link EditNotAllowedException}. Ids are numbers from 1001 up; refs use system
 * {@code procore} and the {@code TYPE_*} type names. Calls are counted and failures injected as in
 * {@link InMemoryAccountingSystem}; the writing methods are the creates, the updates and {@code upsertVendors}.
 */
public final class InMemoryProjectSystem extends InstrumentedPort implements ProjectSystem {
    /** Ref type of vendors. */
    public static final String TYPE_VENDOR = "vendor";
    /** Ref type of projects. */
    public static final String TYPE_PROJECT = "project";
    /** Ref type of cost codes. */
    public static final String TYPE_COST_CODE = "cost_code";
    /** Ref type of change orders. */
    public static final String TYPE_CHANGE_ORDER = "change_order";
    /** Ref type of prime contract change orders. */
    public static final String TYPE_PRIME_CHANGE_ORDER = "prime_change_order";
    /** Ref type of direct costs. */
    public static final String TYPE_DIRECT_COST = "direct_cost";
    /** Ref type of budget changes. */
    public static final String TYPE_BUDGET_CHANGE = "budget_change";
    /** The default {@link #applicationId()}. */
    public static final String DEFAULT_APPLICATION_ID = "ml-connector-test-app";
    /** Most vendors one {@link #upsertVendors} call accepts, as the sync endpoint documents. */
    public static final int MAX_UPSERT_BATCH = 1000;

    private static final Set<String> WRITES = Set.of("createRequisition", "updateRequisition", "createDirectCost",
            "updateDirectCost", "createPaymentApplication", "createContractPayment", "upsertVendors");

    private record ProjectRow(long companyId, Project project) {
    }

    private record Posted(PostedObject object, Object draft) {
    }

    private record Rejection(Predicate<Vendor> rule, String reason) {
    }

    private record Undelivered(InboundEvent event, Instant failedAt) {
    }

    private final long companyId;
    private final String applicationId;
    private final Clock clock;
    private final Table<Vendor> vendors = new Table<>();
    private final Map<Long, ProjectRow> projects = new HashMap<>();
    private final Table<Project> projectChanges = new Table<>();
    private final Map<Long, Table<CostCode>> costCodes = new HashMap<>();
    private final Table<Commitment> commitments = new Table<>();
    private final Map<TargetKind, Table<Posted>> posted = new EnumMap<>(TargetKind.class);
    private final Table<ChangeOrder> changeOrders = new Table<>();
    private final Table<ChangeOrder> primeChangeOrders = new Table<>();
    private final Map<Long, Map<String, CostCodeBudget>> budgets = new HashMap<>();
    private final Map<CostUpdateKind, Table<CostUpdate>> costUpdates = new EnumMap<>(CostUpdateKind.class);
    private final Set<String> locked = new HashSet<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Undelivered> undelivered = new ArrayList<>();

    /**
     * A port for {@code companyId} with {@link #DEFAULT_APPLICATION_ID}.
     *
     * @param companyId the Procore company id
     * @param clock gives change times (a {@link io.mlconnector.testkit.time.MutableClock} in most tests)
     */
    public InMemoryProjectSystem(long companyId, Clock clock) {
        this(companyId, DEFAULT_APPLICATION_ID, clock);
    }

    /**
     * @param companyId     the company this port is bound to
     * @param applicationId our application's id, reported as source application of objects created through the port
     * @param clock         gives change times (a {@link io.mlconnector.testkit.time.MutableClock} in most tests)
     */
    public InMemoryProjectSystem(long companyId, String applicationId, Clock clock) {
        super(ProjectSystem.class, WRITES);
        if (companyId <= 0) {
            throw new IllegalArgumentException("companyId must be positive");
        }
        this.companyId = companyId;
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (TargetKind k : TargetKind.values()) {
            posted.put(k, new Table<>());
        }
        for (CostUpdateKind k : CostUpdateKind.values()) {
            costUpdates.put(k, new Table<>());
        }
    }

    // ------------------------------------------------------------------ seeding

    /**
     * Adds an active company vendor; {@code originId} (its external id, e.g. the FreshBooks vendor id) may be null.
     *
     * @param name the vendor name
     * @param originId the external id, or null
     * @return the stored vendor
     */
    public Vendor addVendor(String name, String originId) {
        return putVendor(new Vendor(null, name, originId, null, true, null));
    }

    /**
     * Stores a vendor as given; a null ref gets an assigned id, {@code updatedAt} is set to now.
     *
     * @param vendor the vendor to store
     * @return the vendor as stored
     */
    public Vendor putVendor(Vendor vendor) {
        synchronized (lock) {
            ExternalRef ref = vendor.ref() != null ? vendor.ref() : newRef(TYPE_VENDOR);
            Instant now = clock.instant();
            Vendor stored = new Vendor(ref, vendor.name(), vendor.externalId(), vendor.externalCode(), vendor.active(), now);
            vendors.put(ref.id(), stored, now, nextVersion(), false);
            return stored;
        }
    }

    /**
     * Renames a company vendor.
     *
     * @param id the vendor id
     * @param name the new name
     * @return the vendor as stored
     */
    public Vendor renameVendor(String id, String name) {
        Vendor v = existing(vendors, id, "vendor");
        return putVendor(new Vendor(v.ref(), name, v.externalId(), v.externalCode(), v.active(), null));
    }

    /**
     * Deactivates a company vendor.
     *
     * @param id the vendor id
     * @return the vendor as stored
     */
    public Vendor deactivateVendor(String id) {
        Vendor v = existing(vendors, id, "vendor");
        return putVendor(new Vendor(v.ref(), v.name(), v.externalId(), v.externalCode(), false, null));
    }

    /**
     * Adds an active project of this port's company.
     *
     * @param name the project name
     * @return a reference to the new project
     */
    public ProjectRef addProject(String name) {
        return addProject(companyId, name, null, null);
    }

    /**
     * Adds an active project of any company (a project of another company is not listed and fails validation).
     *
     * @param companyId the company the project belongs to
     * @param name the project name
     * @param number the project number, or null
     * @param originId the project's external id (e.g. the FreshBooks project id), may be null
     * @return a reference to the new project
     */
    public ProjectRef addProject(long companyId, String name, String number, String originId) {
        synchronized (lock) {
            long id = nextId();
            Instant now = clock.instant();
            Project p = new Project(ExternalRef.of(Systems.PROCORE, TYPE_PROJECT, id), name, number, originId, null, null,
                    true, now);
            projects.put(id, new ProjectRow(companyId, p));
            if (companyId == this.companyId) {
                projectChanges.put(Long.toString(id), p, now, nextVersion(), false);
            }
            costCodes.put(id, new Table<>());
            return new ProjectRef(companyId, id);
        }
    }

    /**
     * Changes a project's name and activity (a change {@code listChanged(PROJECTS)} reports).
     *
     * @param ref the project to change
     * @param name the new name
     * @param active false to make it inactive
     * @return the project as stored
     */
    public Project updateProject(ProjectRef ref, String name, boolean active) {
        synchronized (lock) {
            ProjectRow row = projects.get(ref.projectId());
            if (row == null || row.companyId() != ref.companyId()) {
                throw new IllegalArgumentException("no project " + ref);
            }
            Instant now = clock.instant();
            Project old = row.project();
            Project p = new Project(old.ref(), name, old.number(), old.externalId(), old.clientRef(), old.budget(), active, now);
            projects.put(ref.projectId(), new ProjectRow(row.companyId(), p));
            if (row.companyId() == companyId) {
                projectChanges.put(old.ref().id(), p, now, nextVersion(), false);
            }
            return p;
        }
    }

    /**
     * Adds a cost code to a project (Procore copies cost codes per project).
     *
     * @param project the project
     * @param code the cost code, e.g. {@code 01-100}
     * @param name the cost code name
     * @return the stored cost code
     */
    public CostCode addCostCode(ProjectRef project, String code, String name) {
        return addCostCode(project, code, name, null);
    }

    /**
     * Adds a cost code carrying an external id (origin id, e.g. the accounting expense category id).
     *
     * @param project the project
     * @param code the cost code, e.g. {@code 01-100}
     * @param name the cost code name
     * @param originId the external id, or null
     * @return the stored cost code
     */
    public CostCode addCostCode(ProjectRef project, String code, String name, String originId) {
        synchronized (lock) {
            Table<CostCode> table = costCodesOf(project);
            ExternalRef ref = newRef(TYPE_COST_CODE);
            CostCode cc = new CostCode(ref, code, name, originId);
            table.put(ref.id(), cc, clock.instant(), nextVersion(), false);
            return cc;
        }
    }

    /**
     * Renames a project's cost code.
     *
     * @param project the project
     * @param costCodeId the cost code id
     * @param name the new name
     * @return the cost code as stored
     */
    public CostCode renameCostCode(ProjectRef project, String costCodeId, String name) {
        synchronized (lock) {
            Table<CostCode> table = costCodesOf(project);
            CostCode old = existing(table, costCodeId, "cost code");
            CostCode cc = new CostCode(old.ref(), old.code(), name, old.externalId());
            table.put(costCodeId, cc, clock.instant(), nextVersion(), false);
            return cc;
        }
    }

    /**
     * Starts a commitment of a vendor on a project; finish with {@link CommitmentSeed#save()}.
     *
     * @param project the project
     * @param vendorId the vendor id
     * @return a seed to fill in and save
     */
    public CommitmentSeed commitment(ProjectRef project, String vendorId) {
        return new CommitmentSeed(project, vendorId, this::putCommitment);
    }

    /**
     * Stores a commitment; a null id (commitment or line) gets an assigned one.
     *
     * @param c the commitment to store
     * @return the commitment as stored
     */
    public Commitment putCommitment(Commitment c) {
        synchronized (lock) {
            String id = c.id() != null ? c.id() : Long.toString(nextId());
            List<CommitmentLine> lines = new ArrayList<>();
            for (CommitmentLine l : c.lines()) {
                String lineId = l.id() != null ? l.id() : Long.toString(nextId());
                lines.add(new CommitmentLine(lineId, l.costCode(), l.costType(), l.description(), l.scheduledValue()));
            }
            Commitment stored = new Commitment(id, c.project(), c.vendorId(), c.number(), c.title(), c.status(),
                    c.requisitionsEnabled(), c.currency(), lines);
            commitments.put(id, stored, clock.instant(), nextVersion(), false);
            return stored;
        }
    }

    /**
     * Starts a change order on a project (approved unless told otherwise); finish with {@link ChangeOrderSeed#save()}.
     *
     * @param project the project
     * @return a seed to fill in and save
     */
    public ChangeOrderSeed changeOrder(ProjectRef project) {
        return new ChangeOrderSeed(project, today(), this::putChangeOrder);
    }

    /**
     * Stores a change order (insert or replace); a null ref gets an assigned id; the version is always new.
     *
     * @param co the change order to store
     * @return the change order as stored
     */
    public ChangeOrder putChangeOrder(ChangeOrder co) {
        synchronized (lock) {
            ExternalRef ref = co.ref() != null ? co.ref() : newRef(TYPE_CHANGE_ORDER);
            String version = nextVersion();
            ChangeOrder stored = new ChangeOrder(ref, co.project(), co.contractId(), co.number(), co.revision(), co.title(),
                    co.status(), co.approved(), co.voided(), co.amount(), co.date(), co.lines(), version,
                    co.sourceApplicationId(), co.originId());
            changeOrders.put(ref.id(), stored, clock.instant(), version, false);
            return stored;
        }
    }

    /**
     * Changes a stored change order (new version).
     *
     * @param id the change order id
     * @param change derives the new value from the stored one
     * @return the change order as stored
     */
    public ChangeOrder updateChangeOrder(String id, UnaryOperator<ChangeOrder> change) {
        return putChangeOrder(change.apply(existing(changeOrders, id, "change order")));
    }

    /**
     * Voids a change order: status {@code void}, not approved, voided (new version).
     *
     * @param id the change order id
     * @return the change order as stored
     */
    public ChangeOrder voidChangeOrder(String id) {
        return updateChangeOrder(id, c -> new ChangeOrder(c.ref(), c.project(), c.contractId(), c.number(), c.revision(),
                c.title(), "void", false, true, c.amount(), c.date(), c.lines(), c.version(), c.sourceApplicationId(),
                c.originId()));
    }

    /**
     * Deletes a change order: {@code listChanged} reports it deleted and fetching it gives 404.
     *
     * @param id the change order id
     */
    public void deleteChangeOrder(String id) {
        synchronized (lock) {
            ChangeOrder c = existing(changeOrders, id, "change order");
            changeOrders.put(id, c, clock.instant(), nextVersion(), true);
        }
    }

    /**
     * Starts a change order on a project's prime contract (approved unless told otherwise); finish with
     * {@link ChangeOrderSeed#save()}.
     *
     * @param project the project
     * @return a seed to fill in and save
     */
    public ChangeOrderSeed primeChangeOrder(ProjectRef project) {
        return new ChangeOrderSeed(project, TYPE_PRIME_CHANGE_ORDER, today(), this::putPrimeChangeOrder);
    }

    /**
     * Stores a prime contract change order (insert or replace); a null ref gets an assigned id; new version.
     *
     * @param co the prime contract change order to store
     * @return the change order as stored
     */
    public ChangeOrder putPrimeChangeOrder(ChangeOrder co) {
        synchronized (lock) {
            ExternalRef ref = co.ref() != null ? co.ref() : newRef(TYPE_PRIME_CHANGE_ORDER);
            String version = nextVersion();
            ChangeOrder stored = new ChangeOrder(ref, co.project(), co.contractId(), co.number(), co.revision(),
                    co.title(), co.status(), co.approved(), co.voided(), co.amount(), co.date(), co.lines(), version,
                    co.sourceApplicationId(), co.originId());
            primeChangeOrders.put(ref.id(), stored, clock.instant(), version, false);
            return stored;
        }
    }

    /**
     * Changes a stored prime contract change order (new version).
     *
     * @param id the prime contract change order id
     * @param change derives the new value from the stored one
     * @return the change order as stored
     */
    public ChangeOrder updatePrimeChangeOrder(String id, UnaryOperator<ChangeOrder> change) {
        return putPrimeChangeOrder(change.apply(existing(primeChangeOrders, id, "prime change order")));
    }

    /**
     * Voids a prime contract change order: status {@code void}, not approved, voided (new version).
     *
     * @param id the prime contract change order id
     * @return the change order as stored
     */
    public ChangeOrder voidPrimeChangeOrder(String id) {
        return updatePrimeChangeOrder(id, c -> new ChangeOrder(c.ref(), c.project(), c.contractId(), c.number(),
                c.revision(), c.title(), "void", false, true, c.amount(), c.date(), c.lines(), c.version(),
                c.sourceApplicationId(), c.originId()));
    }

    /**
     * Deletes a prime contract change order: {@code listChanged} reports it deleted and fetching it gives 404.
     *
     * @param id the prime contract change order id
     */
    public void deletePrimeChangeOrder(String id) {
        synchronized (lock) {
            ChangeOrder c = existing(primeChangeOrders, id, "prime change order");
            primeChangeOrders.put(id, c, clock.instant(), nextVersion(), true);
        }
    }

    /**
     * Sets the budget of one cost code (and cost type) of a project, replacing an earlier one. Not counted.
     *
     * @param project the project
     * @param budget the budget of one cost code and cost type
     * @return the budget as stored
     */
    public CostCodeBudget putCostCodeBudget(ProjectRef project, CostCodeBudget budget) {
        synchronized (lock) {
            costCodesOf(project);
            budgets.computeIfAbsent(project.projectId(), p -> new java.util.LinkedHashMap<>())
                    .put(budget.costCode() + "|" + budget.costType(), budget);
            return budget;
        }
    }

    /**
     * Starts a direct cost or budget change on a project; finish with {@link CostUpdateSeed#save()}.
     *
     * @param project the project
     * @param kind a direct cost or a budget change
     * @return a seed to fill in and save
     */
    public CostUpdateSeed costUpdate(ProjectRef project, CostUpdateKind kind) {
        return new CostUpdateSeed(project, kind, today(), this::putCostUpdate);
    }

    /**
     * Stores a cost update (insert or replace); a null ref gets an assigned id; the version is always new. A direct
     * cost is also findable with {@code findByOrigin(DIRECT_COST)} when it has an origin id.
     *
     * @param cu the cost update to store
     * @return the cost update as stored
     */
    public CostUpdate putCostUpdate(CostUpdate cu) {
        synchronized (lock) {
            String type = cu.kind() == CostUpdateKind.DIRECT_COST ? TYPE_DIRECT_COST : TYPE_BUDGET_CHANGE;
            ExternalRef ref = cu.ref() != null ? cu.ref() : newRef(type);
            String version = nextVersion();
            CostUpdate stored = new CostUpdate(ref, cu.project(), cu.kind(), cu.description(), cu.status(), cu.voided(),
                    cu.date(), cu.lines(), cu.total(), version, cu.sourceApplicationId(), cu.originId());
            costUpdates.get(cu.kind()).put(ref.id(), stored, clock.instant(), version, false);
            if (cu.kind() == CostUpdateKind.DIRECT_COST) {
                Optional<Table.Row<Posted>> existing = posted.get(TargetKind.DIRECT_COST).row(ref.id());
                boolean editable = !locked.contains(lockKey(TargetKind.DIRECT_COST, ref.id()));
                Object draft = existing.map(r -> r.value().draft()).orElse(null);
                PostedObject po = new PostedObject(TargetKind.DIRECT_COST, ref.id(), cu.project(), cu.originId(), cu.total(),
                        cu.status(), editable);
                posted.get(TargetKind.DIRECT_COST).put(ref.id(), new Posted(po, draft), clock.instant(), version, false);
            }
            return stored;
        }
    }

    /**
     * Changes a stored cost update (new version).
     *
     * @param kind a direct cost or a budget change
     * @param id the cost update id
     * @param change derives the new value from the stored one
     * @return the cost update as stored
     */
    public CostUpdate updateCostUpdate(CostUpdateKind kind, String id, UnaryOperator<CostUpdate> change) {
        return putCostUpdate(change.apply(existing(costUpdates.get(kind), id, "cost update")));
    }

    /**
     * Deletes a cost update: {@code listChanged} reports it deleted and fetching it gives 404.
     *
     * @param kind a direct cost or a budget change
     * @param id the cost update id
     */
    public void deleteCostUpdate(CostUpdateKind kind, String id) {
        synchronized (lock) {
            CostUpdate c = existing(costUpdates.get(kind), id, "cost update");
            costUpdates.get(kind).put(id, c, clock.instant(), nextVersion(), true);
        }
    }

    /**
     * Makes a posted requisition or direct cost refuse edits (approved / paid in the project system).
     *
     * @param kind the kind of the posted object
     * @param id the posted object's id
     */
    public void lock(TargetKind kind, String id) {
        setEditable(kind, id, false);
    }

    /**
     * Allows edits again.
     *
     * @param kind the kind of the posted object
     * @param id the posted object's id
     */
    public void unlock(TargetKind kind, String id) {
        setEditable(kind, id, true);
    }

    /**
     * Refuses, in {@link #upsertVendors}, every vendor matching {@code rule}, with {@code reason}.
     *
     * @param rule selects the vendors to refuse
     * @param reason the error message each refusal carries
     */
    public void rejectVendorUpserts(Predicate<Vendor> rule, String reason) {
        synchronized (lock) {
            rejections.add(new Rejection(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(reason, "reason")));
        }
    }

    /**
     * Adds a webhook delivery that failed at {@code failedAt}, for {@link #undeliveredEvents}.
     *
     * @param event the event that was not delivered
     * @param failedAt when the delivery failed
     */
    public void addUndeliveredEvent(InboundEvent event, Instant failedAt) {
        synchronized (lock) {
            undelivered.add(new Undelivered(event, failedAt));
        }
    }

    // ------------------------------------------------------------------ inspection (not counted)

    /**
     * All company vendors in insertion order.
     *
     * @return the vendors
     */
    public List<Vendor> vendors() {
        synchronized (lock) {
            return vendors.values();
        }
    }

    /**
     * Objects of a kind created through the port (and seeded direct costs), oldest first.
     *
     * @param kind the kind of posted object
     * @return the posted objects, oldest first
     */
    public List<PostedObject> posted(TargetKind kind) {
        synchronized (lock) {
            return posted.get(kind).values().stream().map(Posted::object).toList();
        }
    }

    /**
     * Every posted object (vendors excluded) carrying {@code originId}: more than one means a duplicate.
     *
     * @param originId the external id
     * @return the posted objects carrying it
     */
    public List<PostedObject> postedWithOrigin(String originId) {
        synchronized (lock) {
            List<PostedObject> out = new ArrayList<>();
            posted.values().forEach(t -> t.values().forEach(p -> {
                if (Objects.equals(originId, p.object().originId())) {
                    out.add(p.object());
                }
            }));
            return out;
        }
    }

    /**
     * The last draft sent for a requisition.
     *
     * @param id the posted requisition's id
     * @return the last draft
     */
    public RequisitionDraft requisitionDraft(String id) {
        return draft(TargetKind.REQUISITION, id, RequisitionDraft.class);
    }

    /**
     * The last draft sent for a direct cost (null for a seeded one).
     *
     * @param id the posted direct cost's id
     * @return the last draft, or null for a seeded direct cost
     */
    public DirectCostDraft directCostDraft(String id) {
        return draft(TargetKind.DIRECT_COST, id, DirectCostDraft.class);
    }

    /**
     * The draft sent for a payment application.
     *
     * @param id the posted payment application's id
     * @return the draft
     */
    public PaymentApplicationDraft paymentApplicationDraft(String id) {
        return draft(TargetKind.PAYMENT_APPLICATION, id, PaymentApplicationDraft.class);
    }

    /**
     * The draft sent for a contract payment.
     *
     * @param id the posted contract payment's id
     * @return the draft
     */
    public ContractPaymentDraft contractPaymentDraft(String id) {
        return draft(TargetKind.CONTRACT_PAYMENT, id, ContractPaymentDraft.class);
    }

    /**
     * Cost codes of a project.
     *
     * @param project the project
     * @return its cost codes, in insertion order
     */
    public List<CostCode> costCodes(ProjectRef project) {
        synchronized (lock) {
            return costCodesOf(project).values();
        }
    }

    // ------------------------------------------------------------------ port

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
        return companyId;
    }

    @Override
    public String applicationId() {
        return applicationId;
    }

    @Override
    public void validateProject(ProjectRef project) {
        call("validateProject", () -> {
            check(project);
            return null;
        });
    }

    @Override
    public Optional<Commitment> findCommitment(ProjectRef project, String vendorId) {
        return call("findCommitment", () -> {
            check(project);
            return commitments.values().stream()
                    .filter(c -> c.project().equals(project) && c.vendorId().equals(vendorId) && c.requisitionsEnabled())
                    .findFirst();
        });
    }

    @Override
    public Optional<PostedObject> findByOrigin(ProjectRef project, TargetKind kind, String originId) {
        Objects.requireNonNull(kind, "kind");
        return call("findByOrigin", () -> {
            if (kind == TargetKind.VENDOR) {
                return vendors.values().stream().filter(v -> Objects.equals(originId, v.externalId())).findFirst()
                        .map(v -> new PostedObject(TargetKind.VENDOR, v.ref().id(), null, v.externalId(), null,
                                v.active() ? "active" : "inactive", true));
            }
            check(project);
            return posted.get(kind).values().stream().map(Posted::object)
                    .filter(p -> project.equals(p.project()) && Objects.equals(originId, p.originId()))
                    .findFirst();
        });
    }

    @Override
    public PostedObject createRequisition(ProjectRef project, RequisitionDraft draft) {
        return call("createRequisition", () -> {
            check(project);
            checkRequisition(project, draft);
            return store(TargetKind.REQUISITION, newId(), project, draft.originId(), total(draft.total(), draft.lines()),
                    "draft", draft);
        });
    }

    @Override
    public PostedObject updateRequisition(ProjectRef project, String id, RequisitionDraft draft) {
        return call("updateRequisition", () -> {
            check(project);
            PostedObject old = editable(TargetKind.REQUISITION, project, id);
            checkRequisition(project, draft);
            return store(TargetKind.REQUISITION, id, project, draft.originId() != null ? draft.originId() : old.originId(),
                    total(draft.total(), draft.lines()), old.status(), draft);
        });
    }

    @Override
    public PostedObject createDirectCost(ProjectRef project, DirectCostDraft draft) {
        return call("createDirectCost", () -> {
            check(project);
            checkVendor(draft.vendorId());
            return storeDirectCost(project, newId(), draft);
        });
    }

    @Override
    public PostedObject updateDirectCost(ProjectRef project, String id, DirectCostDraft draft) {
        return call("updateDirectCost", () -> {
            check(project);
            PostedObject old = editable(TargetKind.DIRECT_COST, project, id);
            checkVendor(draft.vendorId());
            DirectCostDraft withOrigin = draft.originId() != null ? draft : new DirectCostDraft(old.originId(),
                    draft.vendorId(), draft.invoiceNumber(), draft.date(), draft.dueDate(), draft.lines(), draft.total(),
                    draft.description());
            return storeDirectCost(project, id, withOrigin);
        });
    }

    @Override
    public PostedObject createPaymentApplication(ProjectRef project, PaymentApplicationDraft draft) {
        return call("createPaymentApplication", () -> {
            check(project);
            requireLines(draft.lines());
            return store(TargetKind.PAYMENT_APPLICATION, newId(), project, draft.originId(),
                    total(draft.total(), draft.lines()), "draft", draft);
        });
    }

    @Override
    public PostedObject createContractPayment(ProjectRef project, ContractPaymentDraft draft) {
        return call("createContractPayment", () -> {
            check(project);
            if (draft.contractId() == null && (draft.invoiceId() == null
                    || !postedOn(project, TargetKind.PAYMENT_APPLICATION, draft.invoiceId()))) {
                // no contract id means the project's prime contract, which only an invoice payment can name
                throw invalid("contract_id is required for a payment that is not on a payment application");
            }
            if (draft.amount() == null) {
                throw invalid("amount is required");
            }
            if (draft.invoiceId() != null && !postedOn(project, TargetKind.REQUISITION, draft.invoiceId())
                    && !postedOn(project, TargetKind.PAYMENT_APPLICATION, draft.invoiceId())) {
                throw invalid("invoice " + draft.invoiceId() + " not found on " + project);
            }
            return store(TargetKind.CONTRACT_PAYMENT, newId(), project, draft.originId(), draft.amount(), "paid", draft);
        });
    }

    @Override
    public ChangeOrder fetchChangeOrder(ProjectRef project, String id) {
        return call("fetchChangeOrder", () -> {
            check(project);
            return live(changeOrders, id, "change order", c -> c.project().equals(project));
        });
    }

    @Override
    public ChangeOrder fetchPrimeChangeOrder(ProjectRef project, String id) {
        return call("fetchPrimeChangeOrder", () -> {
            check(project);
            return live(primeChangeOrders, id, "prime change order", c -> c.project().equals(project));
        });
    }

    @Override
    public List<CostCodeBudget> listCostCodeBudgets(ProjectRef project) {
        return call("listCostCodeBudgets", () -> {
            check(project);
            return List.copyOf(budgets.getOrDefault(project.projectId(), Map.of()).values());
        });
    }

    @Override
    public CostUpdate fetchCostUpdate(ProjectRef project, CostUpdateKind kind, String id) {
        Objects.requireNonNull(kind, "kind");
        return call("fetchCostUpdate", () -> {
            check(project);
            return live(costUpdates.get(kind), id, "cost update", c -> c.project().equals(project));
        });
    }

    @Override
    public List<ChangedRecord> listChanged(ProjectRef project, SourceStream stream, Instant since) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(since, "since");
        return call("listChanged", () -> switch (stream) {
            case VENDORS -> changed(vendors, TYPE_VENDOR, since, v -> true);
            case PROJECTS -> changed(projectChanges, TYPE_PROJECT, since, p -> true);
            case CHANGE_ORDERS -> {
                check(project);
                yield changed(changeOrders, TYPE_CHANGE_ORDER, since, c -> c.project().equals(project));
            }
            case PRIME_CHANGE_ORDERS -> {
                check(project);
                yield changed(primeChangeOrders, TYPE_PRIME_CHANGE_ORDER, since, c -> c.project().equals(project));
            }
            case DIRECT_COSTS -> {
                check(project);
                yield changed(costUpdates.get(CostUpdateKind.DIRECT_COST), TYPE_DIRECT_COST, since,
                        c -> c.project().equals(project));
            }
            case BUDGET_CHANGES -> {
                check(project);
                yield changed(costUpdates.get(CostUpdateKind.BUDGET_CHANGE), TYPE_BUDGET_CHANGE, since,
                        c -> c.project().equals(project));
            }
            default -> throw new IllegalArgumentException("the project system has no stream " + stream);
        });
    }

    @Override
    public List<Vendor> listVendors() {
        return call("listVendors", vendors::values);
    }

    @Override
    public List<CostCode> listCostCodes(ProjectRef project) {
        return call("listCostCodes", () -> {
            check(project);
            return costCodesOf(project).values();
        });
    }

    @Override
    public List<Project> listProjects() {
        return call("listProjects", () -> projects.values().stream()
                .filter(r -> r.companyId() == companyId)
                .map(ProjectRow::project)
                .sorted((a, b) -> Long.compare(Long.parseLong(a.ref().id()), Long.parseLong(b.ref().id())))
                .toList());
    }

    @Override
    public BatchResult<Vendor> upsertVendors(List<Vendor> batch) {
        Objects.requireNonNull(batch, "batch");
        return call("upsertVendors", () -> {
            if (batch.size() > MAX_UPSERT_BATCH) {
                throw invalid("a sync batch holds at most " + MAX_UPSERT_BATCH + " items, got " + batch.size());
            }
            List<Vendor> ok = new ArrayList<>();
            List<BatchResult.Failure<Vendor>> failed = new ArrayList<>();
            for (Vendor v : batch) {
                String reason = rejectionOf(v);
                if (reason != null) {
                    failed.add(new BatchResult.Failure<>(v, reason));
                    continue;
                }
                Optional<Vendor> match = vendors.values().stream()
                        .filter(e -> v.externalId().equals(e.externalId())).findFirst();
                ExternalRef ref = match.map(Vendor::ref).orElseGet(() -> newRef(TYPE_VENDOR));
                Instant now = clock.instant();
                Vendor stored = new Vendor(ref, v.name(), v.externalId(), v.externalCode(), v.active(), now);
                vendors.put(ref.id(), stored, now, nextVersion(), false);
                ok.add(stored);
            }
            return new BatchResult<>(ok, failed);
        });
    }

    @Override
    public List<InboundEvent> undeliveredEvents(Instant since) {
        return call("undeliveredEvents", () -> undelivered.stream()
                .filter(u -> !u.failedAt().isBefore(since)).map(Undelivered::event).toList());
    }

    // ------------------------------------------------------------------ internals

    private void check(ProjectRef project) {
        Objects.requireNonNull(project, "project");
        if (project.companyId() != companyId) {
            throw new InvalidProjectException(project, "company " + project.companyId()
                    + " is not the connected company " + companyId);
        }
        ProjectRow row = projects.get(project.projectId());
        if (row == null) {
            throw new InvalidProjectException(project, "project " + project.projectId() + " not found in company "
                    + companyId);
        }
        if (row.companyId() != companyId) {
            throw new InvalidProjectException(project, "project " + project.projectId() + " belongs to company "
                    + row.companyId() + ", not " + companyId);
        }
    }

    private void checkRequisition(ProjectRef project, RequisitionDraft draft) {
        requireLines(draft.lines());
        Commitment c = commitments.get(draft.commitmentId() == null ? "" : draft.commitmentId())
                .filter(x -> x.project().equals(project))
                .orElseThrow(() -> invalid("commitment " + draft.commitmentId() + " not found on " + project));
        if (!c.requisitionsEnabled()) {
            throw invalid("commitment " + c.id() + " does not accept requisitions");
        }
        Set<String> lineIds = new HashSet<>();
        c.lines().forEach(l -> lineIds.add(l.id()));
        for (AllocatedLine l : draft.lines()) {
            if (l.commitmentLineId() != null && !lineIds.contains(l.commitmentLineId())) {
                throw invalid("line " + l.commitmentLineId() + " is not on commitment " + c.id());
            }
        }
    }

    private void checkVendor(String vendorId) {
        if (vendorId != null && !vendors.contains(vendorId)) {
            throw invalid("vendor " + vendorId + " not found");
        }
    }

    private static void requireLines(List<AllocatedLine> lines) {
        if (lines.isEmpty()) {
            throw invalid("at least one line item is required");
        }
    }

    private String rejectionOf(Vendor v) {
        if (v.externalId() == null || v.externalId().isBlank()) {
            return "origin_id is required";
        }
        if (v.name() == null || v.name().isBlank()) {
            return "name can't be blank";
        }
        for (Rejection r : rejections) {
            if (r.rule().test(v)) {
                return r.reason();
            }
        }
        return null;
    }

    private PostedObject editable(TargetKind kind, ProjectRef project, String id) {
        PostedObject old = posted.get(kind).get(id).map(Posted::object)
                .filter(p -> project.equals(p.project()))
                .orElseThrow(() -> new NotFoundException(ApiError.of(404, kind + " " + id + " not found on " + project)));
        if (locked.contains(lockKey(kind, id))) {
            throw new EditNotAllowedException(kind + " " + id + " can no longer be edited (status " + old.status() + ")");
        }
        return old;
    }

    private boolean postedOn(ProjectRef project, TargetKind kind, String id) {
        return posted.get(kind).get(id).filter(p -> project.equals(p.object().project())).isPresent();
    }

    private PostedObject store(TargetKind kind, String id, ProjectRef project, String originId, Money total,
                               String status, Object draft) {
        PostedObject po = new PostedObject(kind, id, project, originId, total, status,
                !locked.contains(lockKey(kind, id)));
        posted.get(kind).put(id, new Posted(po, draft), clock.instant(), nextVersion(), false);
        return po;
    }

    private PostedObject storeDirectCost(ProjectRef project, String id, DirectCostDraft draft) {
        requireLines(draft.lines());
        Money total = total(draft.total(), draft.lines());
        List<ChangeOrderLine> lines = new ArrayList<>();
        draft.lines().forEach(l -> lines.add(new ChangeOrderLine(l.costCode(), l.costType(), l.description(), l.amount())));
        ExternalRef ref = ExternalRef.of(Systems.PROCORE, TYPE_DIRECT_COST, id);
        String version = nextVersion();
        CostUpdate cu = new CostUpdate(ref, project, CostUpdateKind.DIRECT_COST, draft.description(), "pending", false,
                draft.date(), lines, total, version, applicationId, draft.originId());
        costUpdates.get(CostUpdateKind.DIRECT_COST).put(id, cu, clock.instant(), version, false);
        return store(TargetKind.DIRECT_COST, id, project, draft.originId(), total, "pending", draft);
    }

    private void setEditable(TargetKind kind, String id, boolean editable) {
        synchronized (lock) {
            Table.Row<Posted> row = posted.get(kind).row(id)
                    .orElseThrow(() -> new IllegalArgumentException("no posted " + kind + " " + id));
            if (editable) {
                locked.remove(lockKey(kind, id));
            } else {
                locked.add(lockKey(kind, id));
            }
            PostedObject o = row.value().object();
            PostedObject changed = new PostedObject(o.kind(), o.id(), o.project(), o.originId(), o.total(),
                    editable ? o.status() : "approved", editable);
            posted.get(kind).put(id, new Posted(changed, row.value().draft()), row.updatedAt(), row.version(), row.deleted());
        }
    }

    private <T> T draft(TargetKind kind, String id, Class<T> type) {
        synchronized (lock) {
            Object d = posted.get(kind).get(id).map(Posted::draft)
                    .orElseThrow(() -> new IllegalArgumentException("no posted " + kind + " " + id));
            return d == null ? null : type.cast(d);
        }
    }

    private <T> T live(Table<T> table, String id, String what, Predicate<T> belongs) {
        return table.row(id).filter(r -> !r.deleted()).map(Table.Row::value).filter(belongs)
                .orElseThrow(() -> new NotFoundException(ApiError.of(404, what + " " + id + " not found")));
    }

    private <T> List<ChangedRecord> changed(Table<T> table, String type, Instant since, Predicate<T> belongs) {
        List<ChangedRecord> out = new ArrayList<>();
        for (Table.Row<T> row : table.changedSince(since)) {
            if (belongs.test(row.value())) {
                out.add(new ChangedRecord(ExternalRef.of(Systems.PROCORE, type, row.id()), row.version(), row.deleted()));
            }
        }
        return out;
    }

    private Table<CostCode> costCodesOf(ProjectRef project) {
        Table<CostCode> table = costCodes.get(project.projectId());
        if (table == null) {
            throw new IllegalArgumentException("no project " + project);
        }
        return table;
    }

    private static Money total(Money given, List<AllocatedLine> lines) {
        if (given != null) {
            return given;
        }
        Money sum = null;
        for (AllocatedLine l : lines) {
            sum = sum == null ? l.amount() : sum.plus(l.amount());
        }
        return sum;
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(ApiError.of(422, message));
    }

    private static String lockKey(TargetKind kind, String id) {
        return kind + ":" + id;
    }

    private ExternalRef newRef(String type) {
        return ExternalRef.of(Systems.PROCORE, type, nextId());
    }

    private String newId() {
        return Long.toString(nextId());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

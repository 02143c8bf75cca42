package io.mlconnector.benchmarks.world;

import io.mlconnector.benchmarks.world.Deliveries.Delivery;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.alignment.AlignmentPolicy;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookVerifier;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.ExpenseCategory;
import io.mlconnector.testkit.freshbooks.FreshBooksIdentity;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.CommitmentType;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.LineItemType;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.Vendor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Both sandboxes on loopback, the real FreshBooks and Procore clients and port adapters pointed at them, and one
 * connection ("acme") with its reference data seeded on both sides and mapped: a Procore project "Tower" and a
 * FreshBooks project of the same name, {@code costCodes} cost codes (cost type M) each mapped to a FreshBooks expense
 * category in both directions, {@code suppliers} vendors without a commitment (their bills become direct costs) and
 * {@code subcontractors} vendors with an approved subcontract whose SOV has one line per cost code (their bills
 * become requisitions). Each side's tokens are real: FreshBooks an issued access token (12 h), Procore client
 * credentials from the sandbox's token endpoint.
 */
public final class SandboxWorld implements AutoCloseable {
    public static final String CONNECTION = "acme";
    public static final String FB_VERIFIER = "fb-callback-verifier-8f2c1d";
    public static final String PC_SECRET = "pc-hook-secret-51c9e0";

    private final Clock clock;
    private final FreshBooksSandbox fb;
    private final ProcoreSandbox pc;
    private final FreshBooksClient fbClient;
    private final ProcoreClient pcClient;
    private final FreshBooksAccountingSystem accounting;
    private final ProcoreProjectSystem projects;
    private final Company company;
    private final ProcoreProject tower;
    private final long fbProject;
    private final LineItemType materials;
    private final List<CostCode> costCodes = new ArrayList<>();
    private final List<ExpenseCategory> categories = new ArrayList<>();
    private final List<VendorPair> suppliers = new ArrayList<>();
    private final List<VendorPair> subcontractors = new ArrayList<>();
    private final MappingStore mappings;
    private final SyncStateStore state;
    private final InMemoryAuditLog audit = new InMemoryAuditLog(200_000);
    private final List<ExecutorService> executors = new ArrayList<>();
    private final boolean mapReferenceData;
    private final AtomicLong billNumbers = new AtomicLong(1000);
    private final AtomicLong eventIds = new AtomicLong(5_982_324_300_000_000_000L);

    /**
     * A vendor known on both sides.
     *
     * @param freshBooksId the FreshBooks bill vendor id
     * @param procoreId    the Procore company vendor id
     * @param commitmentId the vendor's subcontract on Tower, or 0
     */
    public record VendorPair(long freshBooksId, long procoreId, long commitmentId) {
    }

    private SandboxWorld(Builder b) {
        this.clock = b.clock;
        this.mapReferenceData = b.mapReferenceData;
        this.fb = FreshBooksSandbox.builder().clock(clock).randomSeed(7).requestLogCapacity(b.requestLogCapacity)
                .build().start();
        ProcoreSandbox.Builder pcb = ProcoreSandbox.builder().clock(clock).randomSeed(7)
                .hourlyLimit(b.hourlyLimit).requestLogCapacity(b.requestLogCapacity);
        if (b.tokenLifetime != null) {
            pcb.tokenLifetime(b.tokenLifetime);
        }
        this.pc = pcb.build().start();
        if (b.spikeLimit > 0) {
            pc.rateLimit().spikeLimit(b.spikeLimit, b.spikeWindow);
        }
        this.mappings = b.mappings != null ? b.mappings : new InMemoryMappingStore();
        this.state = b.state != null ? b.state : new InMemorySyncStateStore();

        FreshBooksIdentity id = fb.identity();
        this.fbClient = FreshBooksClient.builder().apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl())
                .accessToken(fb.issueTokens().accessToken()).accountId(id.accountId()).businessId(id.businessId())
                .businessUuid(id.businessUuid()).clock(clock).build();
        this.accounting = FreshBooksAccountingSystem.builder().client(fbClient).baseCurrency(id.currency()).build();

        this.company = pc.seed().company("Acme GC");
        this.tower = pc.seed().project(company.id(), "Tower");
        ProcoreClient.Builder cb = ProcoreClient.builder().apiBaseUrl(pc.baseUrl()).loginBaseUrl(pc.baseUrl())
                .clientId(pc.clientId()).clientSecret(pc.clientSecret()).companyId(company.id()).clock(clock);
        this.pcClient = cb.build();
        this.projects = ProcoreProjectSystem.builder(pcClient).build();

        this.fbProject = fb.seed().project("Tower", new BigDecimal("1000000.00")).id();
        map(MappingKind.PROJECT, Long.toString(fbProject), Long.toString(tower.id()), null);
        this.materials = pc.seed().lineItemType(company.id(), "Materials", "M", "materials");
        for (int i = 0; i < b.costCodes; i++) {
            String full = String.format("%02d-%03d", 1 + i / 100, 100 + i % 100);
            CostCode cc = pc.seed().costCode(tower.id(), full, "Work " + full);
            ExpenseCategory cat = fb.seed().expenseCategory("Work " + full);
            costCodes.add(cc);
            categories.add(cat);
            map(MappingKind.GL_ACCOUNT, Long.toString(cat.id()), full, "M");
            map(MappingKind.COST_CODE_CATEGORY, full, Long.toString(cat.id()), null);
        }
        for (int i = 0; i < b.suppliers; i++) {
            suppliers.add(vendor(String.format("Supplier %04d", i), false));
        }
        for (int i = 0; i < b.subcontractors; i++) {
            subcontractors.add(vendor(String.format("Subcontractor %04d", i), true));
        }
    }

    private VendorPair vendor(String name, boolean commitment) {
        long fbId = fb.seed().billVendor(name).id();
        Vendor v = pc.seed().vendor(company.id(), name + " Inc");
        long commitmentId = 0;
        if (commitment) {
            List<SovLine> lines = new ArrayList<>();
            for (CostCode cc : costCodes) {
                lines.add(SovLine.of(cc.id(), materials.id(), "Scope " + cc.fullCode(), "1000000.00"));
            }
            commitmentId = pc.seed().commitment(tower.id(), v.id(), CommitmentType.WORK_ORDER, "Subcontract " + name,
                    "Approved", BigDecimal.ZERO, lines).id();
        }
        map(MappingKind.VENDOR, Long.toString(fbId), Long.toString(v.id()), null);
        map(MappingKind.VENDOR_PROJECT, Long.toString(fbId), Long.toString(tower.id()), null);
        return new VendorPair(fbId, v.id(), commitmentId);
    }

    private void map(MappingKind kind, String source, String target, String costType) {
        if (!mapReferenceData) {
            return;
        }
        mappings.put(new Mapping(CONNECTION, kind, source, target, costType == null ? Map.of() : Map.of("costType",
                costType), MappingStatus.CONFIRMED, null, null));
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- engine

    /** The connection over the two adapters, with the real verifiers. */
    public Connection connection(SyncPolicy policy) {
        return Connection.builder().id(CONNECTION).accounting(accounting).projects(projects)
                .accountingVerifier(FreshBooksWebhookVerifier.of(FB_VERIFIER))
                .projectVerifier(ProcoreWebhookVerifier.builder().secret(PC_SECRET).build())
                .policy(policy).projectCurrency("USD").build();
    }

    /** A policy for benchmarks: claims {@code batchSize} items per pass, short backoff. */
    public static SyncPolicy policy(int batchSize) {
        return SyncPolicy.builder().batchSize(batchSize).backoffBase(Duration.ofMillis(500))
                .backoffMax(Duration.ofSeconds(30)).maxAttempts(20)
                .alignment(AlignmentPolicy.defaults()).build();
    }

    /**
     * An engine whose worker passes claim {@code workers} items and run them on {@code workers} threads (the calling
     * thread when 1).
     */
    public SyncEngine engine(int workers) {
        SyncPolicy policy = policy(workers);
        return engine(policy, workers);
    }

    /** An engine with a given policy (batch size from it) on {@code workers} threads. */
    public SyncEngine engine(SyncPolicy policy, int workers) {
        SyncEngine.Builder b = SyncEngine.builder().stateStore(state).mappingStore(mappings).auditSink(audit)
                .clock(clock).nodeId("bench-node").defaultPolicy(policy)
                // one connection: every worker may work on it (the default keeps a quarter free for other connections)
                .maxInFlightPerConnection(policy.batchSize())
                .freshBooksWebhookParser(new FreshBooksWebhookParser())
                .procoreWebhookParser(new ProcoreWebhookParser()).connection(connection(policy));
        if (workers > 1) {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "bench-worker-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            executors.add(pool);
            b.executor(pool);
        }
        return b.build();
    }

    // ---------------------------------------------------------------- data

    /**
     * Seeds {@code count} numbered bills (no webhook fires), vendors taken round-robin from {@code vendors}, each
     * with {@code lines} lines on distinct cost codes; returns their ids.
     */
    public List<Long> seedBills(int count, List<VendorPair> vendors, int lines) {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            VendorPair v = vendors.get(i % vendors.size());
            BillLine[] ls = new BillLine[lines];
            for (int l = 0; l < lines; l++) {
                ExpenseCategory cat = categories.get((i + l) % categories.size());
                ls[l] = BillLine.of(cat.id(), "Materials " + (l + 1), "2", (100 + (i % 50)) + "." + (10 + l));
            }
            ids.add(fb.seed().bill(v.freshBooksId(), null, "B-" + billNumbers.incrementAndGet(), List.of(ls)).id());
        }
        return ids;
    }

    /** The signed {@code bill.create} delivery FreshBooks would send for a bill. */
    public WebhookRequest billCreated(long billId) {
        return billDelivery(billId).request();
    }

    /** The same, as raw HTTP parts. */
    public Delivery billDelivery(long billId) {
        FreshBooksIdentity id = fb.identity();
        return Deliveries.freshBooks(FB_VERIFIER, id.accountId(), id.businessId(), id.identityId(), "bill.create",
                billId);
    }

    /** A Procore {@code Change Order Packages} update event for a package on Tower. */
    public WebhookRequest changeOrderUpdated(long packageId) {
        return procoreEvent("Change Order Packages", packageId);
    }

    /** A Procore {@code Direct Costs} update event for a direct cost on Tower. */
    public WebhookRequest directCostUpdated(long directCostId) {
        return procoreEvent("Direct Costs", directCostId);
    }

    /** A Procore update event for a resource on Tower, with a fresh event id. */
    public WebhookRequest procoreEvent(String resourceName, long resourceId) {
        return Deliveries.procore(PC_SECRET, company.id(), tower.id(), resourceName, resourceId, "update",
                eventIds.incrementAndGet()).request();
    }

    // ---------------------------------------------------------------- access

    public Clock clock() {
        return clock;
    }

    public FreshBooksSandbox freshBooks() {
        return fb;
    }

    public ProcoreSandbox procore() {
        return pc;
    }

    public FreshBooksClient freshBooksClient() {
        return fbClient;
    }

    public ProcoreClient procoreClient() {
        return pcClient;
    }

    public FreshBooksAccountingSystem accounting() {
        return accounting;
    }

    public ProcoreProjectSystem projects() {
        return projects;
    }

    public Company company() {
        return company;
    }

    public ProcoreProject tower() {
        return tower;
    }

    public long freshBooksProject() {
        return fbProject;
    }

    public LineItemType materials() {
        return materials;
    }

    public List<CostCode> costCodes() {
        return List.copyOf(costCodes);
    }

    public List<VendorPair> suppliers() {
        return List.copyOf(suppliers);
    }

    public List<VendorPair> subcontractors() {
        return List.copyOf(subcontractors);
    }

    public MappingStore mappings() {
        return mappings;
    }

    public SyncStateStore state() {
        return state;
    }

    public InMemoryAuditLog audit() {
        return audit;
    }

    /** What each sandbox has answered since the last {@link #clearCounts()}. */
    public CallCounts freshBooksCalls() {
        return CallCounts.of(fb.requestLog(), "/auth/oauth/token");
    }

    /** What the Procore sandbox has answered since the last {@link #clearCounts()}. */
    public CallCounts procoreCalls() {
        return CallCounts.of(pc.requestLog(), "/oauth/token");
    }

    /** Forgets both request logs. */
    public void clearCounts() {
        fb.requestLog().clear();
        pc.requestLog().clear();
    }

    @Override
    public void close() {
        executors.forEach(ExecutorService::shutdownNow);
        fb.close();
        pc.close();
    }

    /** Builder for {@link SandboxWorld}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private int costCodes = 5;
        private int suppliers = 10;
        private int subcontractors;
        private int hourlyLimit = 3600;
        private int spikeLimit;
        private Duration spikeWindow = Duration.ofSeconds(10);
        private Duration tokenLifetime;
        private int requestLogCapacity = 200_000;
        private MappingStore mappings;
        private SyncStateStore state;
        private boolean mapReferenceData = true;

        private Builder() {
        }

        /** Whether the seeded reference data is mapped (default true; false for a first sync). */
        public Builder mapReferenceData(boolean value) {
            this.mapReferenceData = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder costCodes(int value) {
            this.costCodes = value;
            return this;
        }

        public Builder suppliers(int value) {
            this.suppliers = value;
            return this;
        }

        public Builder subcontractors(int value) {
            this.subcontractors = value;
            return this;
        }

        /** Procore's hourly budget per company (sandbox default 3600). */
        public Builder hourlyLimit(int value) {
            this.hourlyLimit = value;
            return this;
        }

        /** Procore's spike window: {@code limit} requests per {@code window} (0 = none). */
        public Builder spikeLimit(int limit, Duration window) {
            this.spikeLimit = limit;
            this.spikeWindow = window;
            return this;
        }

        /** Procore token lifetime (sandbox default 5400 s). */
        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = value;
            return this;
        }

        public Builder requestLogCapacity(int value) {
            this.requestLogCapacity = value;
            return this;
        }

        /** The mapping store (default in-memory). */
        public Builder mappings(MappingStore value) {
            this.mappings = value;
            return this;
        }

        /** The state store (default in-memory). */
        public Builder state(SyncStateStore value) {
            this.state = value;
            return this;
        }

        public SandboxWorld start() {
            return new SandboxWorld(this);
        }
    }
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.procore.spec.Operation;
import io.mlconnector.testkit.procore.spec.ProcoreOperations;
import io.mlconnector.testkit.server.AbstractSandbox;
import io.mlconnector.testkit.server.AbstractSandboxBuilder;
import io.mlconnector.testkit.server.Json;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful Procore API on 127.0.0.1: client-credentials OAuth, {@code Procore-Company-Id} checks, rate limits with
 * headers, v1 paging and filters, the financial resources an accounting integration uses, and the v1.0 webhooks API
 * with retried deliveries; with a Java API to seed, change and inspect state, and fault knobs. The same base URL
 * serves {@code /oauth/...} and {@code /rest/...}.
 *
 * <pre>{@code
 * try (ProcoreSandbox pc = ProcoreSandbox.builder().clock(clock).build().start()) {
 *     Company acme = pc.seed().company("Acme GC");
 *     ProcoreProject tower = pc.seed().project(acme.id(), "Tower");
 *     // point the client's login and API base URLs at pc.baseUrl(), credentials pc.clientId()/pc.clientSecret()
 * }
 * }</pre>
 */
public final class ProcoreSandbox extends AbstractSandbox<ProcoreSandbox> {

    private final Json json = new Json();
    private final long uiUserId;
    private final ProcoreAuth auth;
    private final ProcoreStore store;
    private final DirectoryModel directory;
    private final CommitmentModel commitments;
    private final BillingModel billing;
    private final DirectCostModel directCosts;
    private final BudgetChangeModel budgetChanges;
    private final BudgetModel budget;
    private final ProcoreWebhooks webhooks;
    private final ProcoreRateLimiter rateLimiter;
    private final AtomicBoolean lockOriginRecords = new AtomicBoolean();
    private final AtomicLong userIds = new AtomicLong(7_000_000);
    private final ProcoreOperations operations;
    private final List<Operation> served;

    private ProcoreSandbox(Builder b) {
        super("procore", b);
        Clock clock = clock();
        this.uiUserId = b.uiUserId;
        this.auth = new ProcoreAuth(clock, b.tokenLifetime);
        auth.register(clientId(), clientSecret(), userIds.incrementAndGet());
        AtomicLong hookIds = new AtomicLong(900_000_000L);
        this.webhooks = new ProcoreWebhooks(json, clock, webhookFaults(), newWebhookClient(), deliveries(),
            executor(), hookIds, b.retryPolicy, webhookTimeout());
        this.store = new ProcoreStore(json, clock, webhooks::publish);
        this.directory = new DirectoryModel(store);
        this.commitments = new CommitmentModel(store, directory);
        this.billing = new BillingModel(store, directory, commitments, lockOriginRecords::get);
        this.directCosts = new DirectCostModel(store, directory, commitments, billing);
        this.budgetChanges = new BudgetChangeModel(store, directory, commitments);
        this.budget = new BudgetModel(store, directory, commitments);
        this.rateLimiter = new ProcoreRateLimiter(clock, b.hourlyLimit);
        PcContext ctx = new PcContext(json, store, auth, directory, commitments, billing, directCosts, budgetChanges,
            webhooks);
        Router router = new Router(req -> {
            ObjectNode body = json.object();
            body.put("error", "Resource not found");
            return json.response(404, body);
        });
        new OAuthApi(ctx).register(router);
        new DirectoryApi(ctx).register(router);
        new CommitmentsApi(ctx).register(router);
        new BillingApi(ctx).register(router);
        new DirectCostsApi(ctx).register(router);
        new BudgetChangesApi(ctx).register(router);
        new BudgetViewsApi(ctx, budget).register(router);
        new WebhooksApi(ctx).register(router);
        this.operations = ProcoreOperations.standard();
        this.served = router.routes().stream().map(r -> operations.match(r.method(),
            r.template().replaceAll("\\{[^}]+}", "1")).orElseThrow(() -> new IllegalStateException(
                "sandbox route is no Procore operation: " + r)).operation()).distinct().toList();
        serve(router, this::injectedError,
            (req, next) -> next.handle(req).withHeader("X-Request-Id", UUID.randomUUID().toString()),
            rateLimiter, new SpecConformance(json, operations, auth));
    }

    private SandboxResponse injectedError(int status) {
        ObjectNode body = json.object();
        body.put("error", status == 503 ? "Service Unavailable" : "Internal Server Error");
        return json.response(status, body);
    }

    /**
     * A builder with defaults: system clock, 5400 s tokens, 3600 requests/hour, Procore's retry policy.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The default app's service-account user id (what {@code /me} answers and webhooks carry as user_id).
     *
     * @return the default app's service-account user id (what {@code /me} answers and webhooks carry as user_id)
     */
    public long serviceAccountUserId() {
        return auth.app(clientId()).orElseThrow().userId();
    }

    /**
     * The user id webhooks carry for changes made through {@link #act()} and the change methods.
     *
     * @return the user id webhooks carry for changes made through {@link #act()} and the change methods
     */
    public long uiUserId() {
        return uiUserId;
    }

    /**
     * The Procore operations this sandbox serves (each of its routes is one; anything else answers 404).
     *
     * @return the Procore operations this sandbox serves (each of its routes is one; anything else answers 404)
     */
    public List<Operation> servedOperations() {
        return served;
    }

    // ---- auth -------------------------------------------------------------------------------------------------

    /**
     * Registers another app (installed in every company); returns its service-account user id.
     *
     * @param otherClientId the other client id
     * @param otherSecret the other secret
     * @return its service-account user id
     */
    public long registerApp(String otherClientId, String otherSecret) {
        return auth.register(otherClientId, otherSecret, userIds.incrementAndGet()).userId();
    }

    /**
     * A valid access token for the default app, without an HTTP request (not counted).
     *
     * @return a valid access token for the default app, without an HTTP request (not counted)
     */
    public String issueToken() {
        return auth.issue(auth.app(clientId()).orElseThrow()).token();
    }

    /**
     * Requests that reached {@code POST /oauth/token}, any outcome.
     *
     * @return the token request count
     */
    public long tokenRequestCount() {
        return auth.tokenRequests();
    }

    /**
     * Tokens issued (HTTP and {@link #issueToken()}).
     *
     * @return the tokens issued
     */
    public long tokensIssued() {
        return auth.tokensIssued();
    }

    /** Revokes every token. */
    public void revokeAllTokens() {
        auth.revokeAll();
    }

    /**
     * Revokes one token.
     *
     * @param token the token
     */
    public void revokeToken(String token) {
        auth.revoke(token);
    }

    /**
     * Lifetime ({@code expires_in}) of tokens issued from now on.
     *
     * @param lifetime the lifetime
     */
    public void accessTokenLifetime(Duration lifetime) {
        auth.lifetime(lifetime);
    }

    // ---- knobs ------------------------------------------------------------------------------------------------

    /**
     * Rate limit knobs (hourly budget, spike window).
     *
     * @return rate limit knobs (hourly budget, spike window)
     */
    public ProcoreRateLimiter rateLimit() {
        return rateLimiter;
    }

    /**
     * When on, PATCH of requisitions, payment applications, contract payments and direct costs with an origin id
     * answers 422 (ERP record locking); default off.
     *
     * @param on whether origin records are locked
     */
    public void lockOriginRecords(boolean on) {
        lockOriginRecords.set(on);
    }

    /**
     * Changes the retry policy of deliveries from now on.
     *
     * @param policy the webhook retry policy
     */
    public void webhookRetryPolicy(WebhookRetryPolicy policy) {
        webhooks.policy(Objects.requireNonNull(policy));
    }

    /**
     * Changes the per-delivery timeout (Procore: 5 s).
     *
     * @param timeout how long to wait at most
     */
    public void webhookTimeout(Duration timeout) {
        webhooks.timeout(timeout);
    }

    // ---- seeding and changes ----------------------------------------------------------------------------------

    /**
     * Creates pre-existing data; no webhooks fire.
     *
     * @return the seed
     */
    public ProcoreSeeder seed() {
        return new ProcoreSeeder(store, directory, commitments, billing, directCosts, budgetChanges, budget,
            Actor.silent());
    }

    /**
     * Creates data as a Procore user would in the UI; webhooks fire.
     *
     * @return the act
     */
    public ProcoreSeeder act() {
        return new ProcoreSeeder(store, directory, commitments, billing, directCosts, budgetChanges, budget, uiActor());
    }

    private Actor uiActor() {
        return new Actor(true, uiUserId, null);
    }

    private ObjectNode doc(PcKind kind, long id) {
        return store.get(kind, id).orElseThrow(() -> new IllegalArgumentException(kind + " " + id + " not found"));
    }

    /**
     * Approves a change order package (fires {@code Change Order Packages} update).
     *
     * @param packageId the package id
     * @return the approve change order
     */
    public ChangeOrderPackage approveChangeOrder(long packageId) {
        return changeOrderStatus(packageId, "approved");
    }

    /**
     * Sets a change order package's status (fires {@code Change Order Packages} update).
     *
     * @param packageId the package id
     * @param status the status
     * @return the change order status
     */
    public ChangeOrderPackage changeOrderStatus(long packageId, String status) {
        ObjectNode p = doc(PcKind.CHANGE_ORDER_PACKAGE, packageId);
        ObjectNode in = json.object().put("status", status);
        return PcViews.changeOrder(commitments, commitments.updatePackage(p.path("_company_id").asLong(),
            p.path("_project_id").asLong(), packageId, in, uiActor()));
    }

    /**
     * Updates a vendor (fires {@code Company Vendors} update).
     *
     * @param vendorId vendor or null
     * @param fields the fields to set
     * @return the updated vendor
     */
    public Vendor updateVendor(long vendorId, Map<String, ?> fields) {
        ObjectNode v = doc(PcKind.VENDOR, vendorId);
        return PcViews.vendor(store, directory.updateVendor(v.path("_company_id").asLong(), vendorId,
            json.tree(fields), uiActor()));
    }

    /**
     * Updates a project (fires {@code Projects} update).
     *
     * @param projectId the project's id
     * @param fields the fields to set
     * @return the updated project
     */
    public ProcoreProject updateProject(long projectId, Map<String, ?> fields) {
        ObjectNode p = doc(PcKind.PROJECT, projectId);
        return PcViews.project(store, directory.updateProject(p.path("_company_id").asLong(), projectId,
            json.tree(fields), uiActor()));
    }

    /**
     * Updates a commitment (fires its contracts update event).
     *
     * @param commitmentId commitment
     * @param fields the fields to set
     * @return the updated commitment
     */
    public Commitment updateCommitment(long commitmentId, Map<String, ?> fields) {
        ObjectNode k = doc(PcKind.COMMITMENT, commitmentId);
        return PcViews.commitment(commitments, commitments.updateCommitment(k.path("_company_id").asLong(),
            k.path("_project_id").asLong(), commitmentId, json.tree(fields), uiActor()));
    }

    /**
     * Updates a direct cost as a user would (fires {@code Direct Costs} update; ignores the origin lock).
     *
     * @param directCostId the direct cost id
     * @param fields the fields to set
     * @return the updated direct cost
     */
    public DirectCost updateDirectCost(long directCostId, Map<String, ?> fields) {
        ObjectNode d = doc(PcKind.DIRECT_COST, directCostId);
        boolean lock = lockOriginRecords.getAndSet(false);
        try {
            return PcViews.directCost(directCosts, directCosts.update(d.path("_company_id").asLong(),
                d.path("_project_id").asLong(), directCostId, json.tree(fields), uiActor()));
        } finally {
            lockOriginRecords.set(lock);
        }
    }

    /**
     * Deletes a direct cost as a user would (fires {@code Direct Costs} delete; ignores the origin lock).
     *
     * @param directCostId the direct cost id
     */
    public void deleteDirectCost(long directCostId) {
        ObjectNode d = doc(PcKind.DIRECT_COST, directCostId);
        boolean lock = lockOriginRecords.getAndSet(false);
        try {
            directCosts.delete(d.path("_company_id").asLong(), d.path("_project_id").asLong(), directCostId,
                uiActor());
        } finally {
            lockOriginRecords.set(lock);
        }
    }

    /**
     * Sets a budget change's status ({@code draft}, {@code under_review}, {@code approved}, {@code void}).
     *
     * @param budgetChangeId the budget change id
     * @param status the status
     * @return the budget change status
     */
    public BudgetChange budgetChangeStatus(long budgetChangeId, String status) {
        return PcViews.budgetChange(budgetChanges, budgetChanges.status(budgetChangeId, status, uiActor()));
    }

    // ---- inspection -------------------------------------------------------------------------------------------

    private List<ObjectNode> inProject(PcKind kind, long projectId) {
        return store.where(kind, d -> d.path("_project_id").asLong() == projectId);
    }

    /**
     * One stored object as the API renders it (without internal fields).
     *
     * @param kind the kind
     * @param id the object's id
     * @return one stored object as the API renders it (without internal fields)
     */
    public Optional<JsonNode> json(PcKind kind, long id) {
        return store.get(kind, id).map(store::render);
    }

    /**
     * All companies.
     *
     * @return all companies
     */
    public List<Company> companies() {
        return store.all(PcKind.COMPANY).stream().map(PcViews::company).toList();
    }

    /**
     * Projects of a company.
     *
     * @param companyId the company's id
     * @return the Procore projects
     */
    public List<ProcoreProject> projects(long companyId) {
        return store.where(PcKind.PROJECT, p -> p.path("_company_id").asLong() == companyId).stream()
            .map(p -> PcViews.project(store, p)).toList();
    }

    /**
     * Vendors of a company (active and inactive).
     *
     * @param companyId the company's id
     * @return the vendors
     */
    public List<Vendor> vendors(long companyId) {
        return store.where(PcKind.VENDOR, v -> v.path("_company_id").asLong() == companyId).stream()
            .map(v -> PcViews.vendor(store, v)).toList();
    }

    /**
     * Cost codes of a project (divisions included).
     *
     * @param projectId the project's id
     * @return cost codes of a project (divisions included)
     */
    public List<CostCode> costCodes(long projectId) {
        return inProject(PcKind.COST_CODE, projectId).stream().map(PcViews::costCode).toList();
    }

    /**
     * Commitments of a project with totals.
     *
     * @param projectId the project's id
     * @return the commitments
     */
    public List<Commitment> commitments(long projectId) {
        return inProject(PcKind.COMMITMENT, projectId).stream().map(k -> PcViews.commitment(commitments, k)).toList();
    }

    /**
     * Requisitions (subcontractor invoices) of a project.
     *
     * @param projectId the project's id
     * @return the requisitions
     */
    public List<Requisition> requisitions(long projectId) {
        return inProject(PcKind.REQUISITION, projectId).stream().map(r -> PcViews.requisition(store, r)).toList();
    }

    /**
     * Contract items of a requisition, as the API renders them.
     *
     * @param requisitionId requisition paid, or null
     * @return contract items of a requisition, as the API renders them
     */
    public List<JsonNode> requisitionItems(long requisitionId) {
        return billing.items(doc(PcKind.REQUISITION, requisitionId)).stream().map(i -> (JsonNode) store.render(i))
            .toList();
    }

    /**
     * Direct costs of a project (with lines).
     *
     * @param projectId the project's id
     * @return direct costs of a project (with lines)
     */
    public List<DirectCost> directCosts(long projectId) {
        return inProject(PcKind.DIRECT_COST, projectId).stream().map(d -> PcViews.directCost(directCosts, d)).toList();
    }

    /**
     * Contract payments of a project.
     *
     * @param projectId the project's id
     * @return contract payments of a project
     */
    public List<ContractPayment> contractPayments(long projectId) {
        return inProject(PcKind.CONTRACT_PAYMENT, projectId).stream().map(p -> PcViews.payment(store, p)).toList();
    }

    /**
     * Prime contracts of a project.
     *
     * @param projectId the project's id
     * @return prime contracts of a project
     */
    public List<PrimeContract> primeContracts(long projectId) {
        return inProject(PcKind.PRIME_CONTRACT, projectId).stream().map(p -> PcViews.prime(billing, p)).toList();
    }

    /**
     * Payment applications (owner invoices) of a project.
     *
     * @param projectId the project's id
     * @return payment applications (owner invoices) of a project
     */
    public List<PaymentApplication> paymentApplications(long projectId) {
        return inProject(PcKind.PAYMENT_APPLICATION, projectId).stream()
            .map(a -> PcViews.paymentApplication(billing, a)).toList();
    }

    /**
     * Change order packages of a project.
     *
     * @param projectId the project's id
     * @return change order packages of a project
     */
    public List<ChangeOrderPackage> changeOrderPackages(long projectId) {
        return inProject(PcKind.CHANGE_ORDER_PACKAGE, projectId).stream()
            .map(p -> PcViews.changeOrder(commitments, p)).toList();
    }

    /**
     * The WBS code of a cost code and cost type in a project (created on first use, as Procore lists them).
     *
     * @param projectId the project's id
     * @param costCodeId the cost code segment
     * @param lineItemTypeId the cost type segment
     * @return the WBS code of a cost code and cost type in a project (created on first use, as Procore lists them)
     */
    public WbsCode wbsCode(long projectId, long costCodeId, long lineItemTypeId) {
        return PcViews.wbsCode(directory.wbsCode(projectId, costCodeId, lineItemTypeId));
    }

    /**
     * Budget changes of a project (with adjustments).
     *
     * @param projectId the project's id
     * @return budget changes of a project (with adjustments)
     */
    public List<BudgetChange> budgetChanges(long projectId) {
        return budgetChanges.budgetChanges(projectId).stream().map(b -> PcViews.budgetChange(budgetChanges, b))
            .toList();
    }

    /**
     * Prime contract change orders of a project (with lines).
     *
     * @param projectId the project's id
     * @return prime contract change orders of a project (with lines)
     */
    public List<PrimeChangeOrder> primeChangeOrders(long projectId) {
        return inProject(PcKind.CHANGE_ORDER_PACKAGE, projectId).stream()
            .filter(p -> p.path("_contract_type").asText().equals("PrimeContract"))
            .map(p -> PcViews.primeChangeOrder(commitments, p)).toList();
    }

    // ---- webhooks ---------------------------------------------------------------------------------------------

    /**
     * Registers a hook with triggers from Java (as the default app would): company-scoped when {@code projectId}
     * is null, else project-scoped.
     *
     * @param companyId the company's id
     * @param projectId the project's id
     * @param destinationUrl where deliveries go
     * @param headers the request headers
     * @param triggers the triggers
     * @return the register hook
     */
    public Hook registerHook(long companyId, Long projectId, String destinationUrl, Map<String, String> headers,
                             List<TriggerSpec> triggers) {
        Hook h = webhooks.createHook(projectId == null ? companyId : null, projectId, "ml-connector", "v2",
            destinationUrl, headers);
        for (TriggerSpec t : triggers) {
            webhooks.addTrigger(h.id(), t.resourceName(), t.eventType(), serviceAccountUserId());
        }
        return h;
    }

    /**
     * All hooks.
     *
     * @return all hooks
     */
    public List<Hook> hooks() {
        return webhooks.hooks();
    }

    /**
     * Builder for {@link ProcoreSandbox}; defaults: client {@code pc-sandbox-client}/{@code pc-sandbox-secret},
     * webhook (delivery) timeout 5 s, any free port.
     */
    public static final class Builder extends AbstractSandboxBuilder<Builder, ProcoreSandbox> {
        private Duration tokenLifetime = Duration.ofSeconds(5400);
        private int hourlyLimit = 3600;
        private long uiUserId = 1_469_242;
        private WebhookRetryPolicy retryPolicy = WebhookRetryPolicy.procoreDefault();

        private Builder() {
            super("pc-sandbox-client", "pc-sandbox-secret", Duration.ofSeconds(5));
        }

        /**
         * Token lifetime ({@code expires_in}); default 5400 s.
         *
         * @param lifetime token lifetime ({@code expires_in})
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Hourly request budget per company; default 3600.
         *
         * @param limit hourly request budget per company
         * @return this builder
         */
        public Builder hourlyLimit(int limit) {
            this.hourlyLimit = limit;
            return this;
        }

        /**
         * User id of changes made from Java ({@link ProcoreSandbox#act()}).
         *
         * @param id user id of changes made from Java ({@link ProcoreSandbox#act()})
         * @return this builder
         */
        public Builder uiUserId(long id) {
            this.uiUserId = id;
            return this;
        }

        /**
         * Delivery retry policy; default Procore's (1 s doubling to 1 h, discard after 12 h).
         *
         * @param policy delivery retry policy
         * @return this builder
         */
        public Builder webhookRetryPolicy(WebhookRetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        /** Builds a sandbox; call {@link ProcoreSandbox#start()} to serve. */
        @Override
        public ProcoreSandbox build() {
            return new ProcoreSandbox(this);
        }
    }
}

package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.function.Function;

/**
 * A stateful FreshBooks API on 127.0.0.1: OAuth (auth code + rotating single-use refresh tokens), identity,
 * accounting resources, projects and webhook callbacks, with a Java API to seed, change and inspect state, and fault
 * knobs. The same base URL serves API and auth paths.
 *
 * <p>Modelling choices where the docs are silent: a bill payment created, changed or deleted fires {@code bill.update}
 * for its bill (no {@code bill_payment.*} event exists in any published list, api/freshbooks.md §5.3; this is our
 * assumption, UNCONFIRMED) and bills carry their active payments in {@code bill_payments}; a project {@code budget}
 * is a whole number of hours (decimals and money are refused) and its price is {@code fixed_price}; undocumented list
 * parameters can be honoured, ignored or refused ({@link #unlistedParam(UnlistedParam, ParamBehaviour)}).
 *
 * <pre>{@code
 * try (FreshBooksSandbox fb = FreshBooksSandbox.builder().clock(clock).build().start()) {
 *     ExpenseCategory fuel = fb.seed().expenseCategory("Fuel");
 *     TokenPair tokens = fb.issueTokens();
 *     // point the client's API and auth base URLs at fb.baseUrl()
 * }
 * }</pre>
 */
public final class FreshBooksSandbox extends AbstractSandbox<FreshBooksSandbox> {

    private final Json json = new Json();
    private final Clock clock;
    private final FreshBooksIdentity identity;
    private final String redirectUri;
    private final FreshBooksAuth auth;
    private final FreshBooksErrors errors;
    private final FreshBooksStore store;
    private final FreshBooksCallbacks callbacks;
    private final UnlistedParamKnobs unlistedParams;

    private FreshBooksSandbox(Builder b) {
        super("freshbooks", b);
        this.clock = clock();
        this.identity = b.identity;
        this.redirectUri = b.redirectUri;
        this.auth = new FreshBooksAuth(clock, clientId(), clientSecret(), b.redirectUri, b.scope,
            b.accessTokenLifetime);
        this.errors = new FreshBooksErrors(json, b.errorStyle);
        this.callbacks = new FreshBooksCallbacks(clock, identity, webhookFaults(), newWebhookClient(), deliveries(),
            executor(), webhookTimeout());
        this.store = new FreshBooksStore(json, clock, identity, callbacks::emit);
        this.unlistedParams = new UnlistedParamKnobs(errors);
        FbContext ctx = new FbContext(json, clock, identity, auth, store, callbacks, errors, unlistedParams);
        Router router = new Router(notFound());
        new AuthApi(ctx).register(router);
        new AccountingApi(ctx).register(router);
        new ProjectsApi(ctx).register(router);
        new CallbacksApi(ctx).register(router);
        serve(router, errors::serverError);
    }

    private Function<io.mlconnector.testkit.server.SandboxRequest, SandboxResponse> notFound() {
        return req -> {
            String p = req.path();
            if (p.startsWith("/accounting/")) {
                return errors.accounting(404, 1012, "", "", "", "Resource not found.");
            }
            if (p.startsWith("/projects/")) {
                return errors.projectsNotFound();
            }
            if (p.startsWith("/events/")) {
                return errors.eventsNotFound();
            }
            ObjectNode body = json.object();
            body.put("error", "Not Found");
            return json.response(404, body);
        };
    }

    /**
     * A builder with defaults: system clock, {@link FreshBooksIdentity#defaults()}, 43200 s tokens.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The user and business the sandbox serves.
     *
     * @return the user and business the sandbox serves
     */
    public FreshBooksIdentity identity() {
        return identity;
    }

    /**
     * The registered redirect URI.
     *
     * @return the registered redirect URI
     */
    public String redirectUri() {
        return redirectUri;
    }

    // ---- auth -------------------------------------------------------------------------------------------------

    /**
     * An authorization code (valid 5 minutes, single use) as if the user had consented in the browser.
     *
     * @param forClientId the for client id
     * @param forRedirectUri the for redirect URI
     * @return an authorization code (valid 5 minutes, single use) as if the user had consented in the browser
     */
    public String issueAuthorizationCode(String forClientId, String forRedirectUri) {
        return auth.issueCode(forClientId, forRedirectUri);
    }

    /**
     * An authorization code for the registered app and redirect URI.
     *
     * @return an authorization code for the registered app and redirect URI
     */
    public String issueAuthorizationCode() {
        return auth.issueCode(clientId(), redirectUri);
    }

    /**
     * A fresh token pair without the HTTP dance (invalidates the previous refresh token, like a real grant).
     *
     * @return a fresh token pair without the HTTP dance (invalidates the previous refresh token, like a real grant)
     */
    public TokenPair issueTokens() {
        return auth.issuePair();
    }

    /**
     * Requests that reached {@code POST /auth/oauth/token}, any grant, any outcome.
     *
     * @return the token request count
     */
    public long tokenRequestCount() {
        return auth.tokenRequests();
    }

    /**
     * {@code grant_type=refresh_token} requests that reached the sandbox, any outcome.
     *
     * @return the request count
     */
    public long refreshRequestCount() {
        return auth.refreshRequests();
    }

    /**
     * Refreshes that were granted.
     *
     * @return the successful refresh count
     */
    public long successfulRefreshCount() {
        return auth.successfulRefreshes();
    }

    /** Revokes every access and refresh token (the user disconnected the app). */
    public void revokeAllTokens() {
        auth.revokeAll();
    }

    /** Revokes access tokens only, so the next call gets 401 and a refresh succeeds. */
    public void revokeAccessTokens() {
        auth.revokeAccessTokens();
    }

    /**
     * Revokes one access or refresh token.
     *
     * @param token the token
     */
    public void revokeToken(String token) {
        auth.revoke(token);
    }

    /**
     * Changes the lifetime of access tokens issued from now on.
     *
     * @param lifetime the lifetime
     */
    public void accessTokenLifetime(Duration lifetime) {
        auth.accessLifetime(lifetime);
    }

    /**
     * How list requests treat a parameter the FreshBooks docs do not list (default {@link ParamBehaviour#HONOUR});
     * takes effect at once.
     *
     * @param param the unlisted param
     * @param behaviour the param behaviour
     */
    public void unlistedParam(UnlistedParam param, ParamBehaviour behaviour) {
        unlistedParams.set(java.util.Objects.requireNonNull(param), java.util.Objects.requireNonNull(behaviour));
    }

    /**
     * Whether bill answers carry {@code bill_payments} (default true, as the docs list the field); false lets a test
     * exercise a client's path for bills answered without it.
     *
     * @param carry whether bill answers carry {@code bill_payments}
     */
    public void billsCarryPayments(boolean carry) {
        unlistedParams.billsCarryPayments(carry);
    }

    /**
     * The current behaviour for a parameter the FreshBooks docs do not list.
     *
     * @param param the unlisted param
     * @return the current behaviour for a parameter the FreshBooks docs do not list
     */
    public ParamBehaviour unlistedParam(UnlistedParam param) {
        return unlistedParams.get(param);
    }

    /**
     * Switches the accounting error body style at runtime.
     *
     * @param style the accounting error style
     */
    public void accountingErrorStyle(AccountingErrorStyle style) {
        errors.style(style);
    }

    // ---- seeding and changes ----------------------------------------------------------------------------------

    /**
     * Creates pre-existing data; no webhooks fire.
     *
     * @return the seed
     */
    public FreshBooksSeeder seed() {
        return new FreshBooksSeeder(store, json, false);
    }

    /**
     * Creates data as a FreshBooks user would; webhooks fire.
     *
     * @return the act
     */
    public FreshBooksSeeder act() {
        return new FreshBooksSeeder(store, json, true);
    }

    /**
     * Partial update as a user would do it (fires {@code <resource>.update}); same vis_state rule as PUT.
     *
     * @param resource the FreshBooks resource
     * @param id the object's id
     * @param fields the fields to set
     * @return partial update as a user would do it (fires {@code <resource>.update})
     */
    public JsonNode update(FbResource resource, long id, Map<String, ?> fields) {
        return store.update(resource, id, (ObjectNode) json.tree(fields), true);
    }

    /**
     * Updates a bill (fires {@code bill.update}).
     *
     * @param billId bill paid
     * @param fields the fields to set
     * @return the updated bill
     */
    public Bill updateBill(long billId, Map<String, ?> fields) {
        return FbViews.bill(update(FbResource.BILL, billId, fields));
    }

    /**
     * Updates an expense (fires {@code expense.update}).
     *
     * @param expenseId the expense id
     * @param fields the fields to set
     * @return the updated expense
     */
    public Expense updateExpense(long expenseId, Map<String, ?> fields) {
        return FbViews.expense(update(FbResource.EXPENSE, expenseId, fields));
    }

    /**
     * Updates a project (fires {@code project.update}).
     *
     * @param projectId the project's id
     * @param fields the fields to set
     * @return the updated project
     */
    public Project updateProject(long projectId, Map<String, ?> fields) {
        return FbViews.project(update(FbResource.PROJECT, projectId, fields));
    }

    /**
     * Deletes (vis_state 1, or removal where FreshBooks hard-deletes) and fires {@code <resource>.delete}.
     *
     * @param resource the FreshBooks resource
     * @param id the object's id
     */
    public void delete(FbResource resource, long id) {
        store.delete(resource, id, true);
    }

    // ---- inspection -------------------------------------------------------------------------------------------

    /**
     * Every stored object of a resource as the API would return it (including deleted ones).
     *
     * @param resource the FreshBooks resource
     * @return every stored object of a resource as the API would return it (including deleted ones)
     */
    public List<JsonNode> all(FbResource resource) {
        return List.copyOf(store.list(resource));
    }

    /**
     * One stored object.
     *
     * @param resource the FreshBooks resource
     * @param id the object's id
     * @return one stored object
     */
    public Optional<JsonNode> json(FbResource resource, long id) {
        return store.get(resource, id).map(n -> n);
    }

    /**
     * All bills.
     *
     * @return all bills
     */
    public List<Bill> bills() {
        return store.list(FbResource.BILL).stream().map(FbViews::bill).toList();
    }

    /**
     * One bill.
     *
     * @param id the object's id
     * @return one bill
     */
    public Optional<Bill> bill(long id) {
        return store.get(FbResource.BILL, id).map(FbViews::bill);
    }

    /**
     * All bill vendors.
     *
     * @return all bill vendors
     */
    public List<BillVendor> billVendors() {
        return store.list(FbResource.BILL_VENDOR).stream().map(FbViews::billVendor).toList();
    }

    /**
     * All bill payments.
     *
     * @return all bill payments
     */
    public List<BillPayment> billPayments() {
        return store.list(FbResource.BILL_PAYMENT).stream().map(FbViews::billPayment).toList();
    }

    /**
     * All expense categories.
     *
     * @return all expense categories
     */
    public List<ExpenseCategory> expenseCategories() {
        return store.list(FbResource.EXPENSE_CATEGORY).stream().map(FbViews::category).toList();
    }

    /**
     * All expenses (e.g. the ones the sync engine created).
     *
     * @return all expenses (e.g
     */
    public List<Expense> expenses() {
        return store.list(FbResource.EXPENSE).stream().map(FbViews::expense).toList();
    }

    /**
     * One expense.
     *
     * @param id the object's id
     * @return one expense
     */
    public Optional<Expense> expense(long id) {
        return store.get(FbResource.EXPENSE, id).map(FbViews::expense);
    }

    /**
     * All invoices (with lines).
     *
     * @return all invoices (with lines)
     */
    public List<Invoice> invoices() {
        return store.list(FbResource.INVOICE).stream().map(FbViews::invoice).toList();
    }

    /**
     * All invoice payments.
     *
     * @return all invoice payments
     */
    public List<Payment> payments() {
        return store.list(FbResource.PAYMENT).stream().map(FbViews::payment).toList();
    }

    /**
     * All clients.
     *
     * @return all clients
     */
    public List<Client> clients() {
        return store.list(FbResource.CLIENT).stream().map(FbViews::client).toList();
    }

    /**
     * All projects.
     *
     * @return all projects
     */
    public List<Project> projects() {
        return store.list(FbResource.PROJECT).stream().map(FbViews::project).toList();
    }

    /**
     * One project.
     *
     * @param id the object's id
     * @return one project
     */
    public Optional<Project> project(long id) {
        return store.get(FbResource.PROJECT, id).map(FbViews::project);
    }

    // ---- webhooks ---------------------------------------------------------------------------------------------

    /**
     * Registers an already verified callback with a generated verifier (no handshake).
     *
     * @param event event or parent event, e.g. {@code bill.create} or {@code bill}
     * @param uri where deliveries go
     * @return the register callback
     */
    public Callback registerCallback(String event, String uri) {
        return callbacks.create(event, uri, null, true);
    }

    /**
     * Registers an already verified callback with a known verifier (no handshake).
     *
     * @param event event or parent event, e.g. {@code bill.create} or {@code bill}
     * @param uri where deliveries go
     * @param verifier the verification code, also the signing key
     * @return the register callback
     */
    public Callback registerCallback(String event, String uri, String verifier) {
        return callbacks.create(event, uri, Objects.requireNonNull(verifier), true);
    }

    /**
     * Fires a webhook event for an arbitrary object id, without any state change (e.g. to replay a delivery, or to
     * announce an object that does not exist).
     *
     * @param name the name
     * @param objectId the object id
     */
    public void fireEvent(String name, long objectId) {
        callbacks.emit(name, objectId);
    }

    /**
     * All callbacks.
     *
     * @return all callbacks
     */
    public List<Callback> callbacks() {
        return callbacks.list();
    }

    // webhook deliveries, fault knobs and the request log: see AbstractSandbox

    /**
     * Builder for {@link FreshBooksSandbox}; defaults: client {@code fb-sandbox-client}/{@code fb-sandbox-secret},
     * webhook timeout 10 s, any free port.
     */
    public static final class Builder extends AbstractSandboxBuilder<Builder, FreshBooksSandbox> {
        private FreshBooksIdentity identity = FreshBooksIdentity.defaults();
        private String redirectUri = "https://localhost/callback";
        private String scope = "user:profile:read user:bills:read user:bills:write user:bill_vendors:read "
            + "user:bill_payments:read user:expenses:read user:expenses:write user:invoices:read user:payments:read "
            + "user:clients:read user:projects:read user:projects:write";
        private Duration accessTokenLifetime = Duration.ofSeconds(43_200);
        private AccountingErrorStyle errorStyle = AccountingErrorStyle.MIXED;

        private Builder() {
            super("fb-sandbox-client", "fb-sandbox-secret", Duration.ofSeconds(10));
        }

        /**
         * The user and business served.
         *
         * @param identity the user and business served
         * @return this builder
         */
        public Builder identity(FreshBooksIdentity identity) {
            this.identity = Objects.requireNonNull(identity);
            return this;
        }

        /**
         * The registered redirect URI.
         *
         * @param uri the registered redirect URI
         * @return this builder
         */
        public Builder redirectUri(String uri) {
            this.redirectUri = uri;
            return this;
        }

        /**
         * The space-separated scope string returned with tokens.
         *
         * @param scope the space-separated scope string returned with tokens
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Access token lifetime ({@code expires_in}); default 43200 s.
         *
         * @param lifetime access token lifetime ({@code expires_in})
         * @return this builder
         */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = lifetime;
            return this;
        }

        /**
         * Accounting error body style; default {@link AccountingErrorStyle#MIXED}.
         *
         * @param style the accounting error style
         * @return this builder
         */
        public Builder accountingErrorStyle(AccountingErrorStyle style) {
            this.errorStyle = style;
            return this;
        }

        /** Builds a sandbox; call {@link FreshBooksSandbox#start()} to serve. */
        @Override
        public FreshBooksSandbox build() {
            return new FreshBooksSandbox(this);
        }
    }
}

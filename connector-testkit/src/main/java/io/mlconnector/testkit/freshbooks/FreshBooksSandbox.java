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

    /** A builder with defaults: system clock, {@link FreshBooksIdentity#defaults()}, 43200 s tokens. */
    public static Builder builder() {
        return new Builder();
    }

    /** The user and business the sandbox serves. */
    public FreshBooksIdentity identity() {
        return identity;
    }

    /** The registered redirect URI. */
    public String redirectUri() {
        return redirectUri;
    }

    // ---- auth -------------------------------------------------------------------------------------------------

    /** An authorization code (valid 5 minutes, single use) as if the user had consented in the browser. */
    public String issueAuthorizationCode(String forClientId, String forRedirectUri) {
        return auth.issueCode(forClientId, forRedirectUri);
    }

    /** An authorization code for the registered app and redirect URI. */
    public String issueAuthorizationCode() {
        return auth.issueCode(clientId(), redirectUri);
    }

    /** A fresh token pair without the HTTP dance (invalidates the previous refresh token, like a real grant). */
    public TokenPair issueTokens() {
        return auth.issuePair();
    }

    /** Requests that reached {@code POST /auth/oauth/token}, any grant, any outcome. */
    public long tokenRequestCount() {
        return auth.tokenRequests();
    }

    /** {@code grant_type=refresh_token} requests that reached the sandbox, any outcome. */
    public long refreshRequestCount() {
        return auth.refreshRequests();
    }

    /** Refreshes that were granted. */
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

    /** Revokes one access or refresh token. */
    public void revokeToken(String token) {
        auth.revoke(token);
    }

    /** Changes the lifetime of access tokens issued from now on. */
    public void accessTokenLifetime(Duration lifetime) {
        auth.accessLifetime(lifetime);
    }

    /**
     * How list requests treat a parameter the FreshBooks docs do not list (default {@link ParamBehaviour#HONOUR});
     * takes effect at once.
     */
    public void unlistedParam(UnlistedParam param, ParamBehaviour behaviour) {
        unlistedParams.set(java.util.Objects.requireNonNull(param), java.util.Objects.requireNonNull(behaviour));
    }

    /**
     * Whether bill answers carry {@code bill_payments} (default true, as the docs list the field); false lets a test
     * exercise a client's path for bills answered without it.
     */
    public void billsCarryPayments(boolean carry) {
        unlistedParams.billsCarryPayments(carry);
    }

    /** The current behaviour for a parameter the FreshBooks docs do not list. */
    public ParamBehaviour unlistedParam(UnlistedParam param) {
        return unlistedParams.get(param);
    }

    /** Switches the accounting error body style at runtime. */
    public void accountingErrorStyle(AccountingErrorStyle style) {
        errors.style(style);
    }

    // ---- seeding and changes ----------------------------------------------------------------------------------

    /** Creates pre-existing data; no webhooks fire. */
    public FreshBooksSeeder seed() {
        return new FreshBooksSeeder(store, json, false);
    }

    /** Creates data as a FreshBooks user would; webhooks fire. */
    public FreshBooksSeeder act() {
        return new FreshBooksSeeder(store, json, true);
    }

    /** Partial update as a user would do it (fires {@code <resource>.update}); same vis_state rule as PUT. */
    public JsonNode update(FbResource resource, long id, Map<String, ?> fields) {
        return store.update(resource, id, (ObjectNode) json.tree(fields), true);
    }

    /** Updates a bill (fires {@code bill.update}). */
    public Bill updateBill(long billId, Map<String, ?> fields) {
        return FbViews.bill(update(FbResource.BILL, billId, fields));
    }

    /** Updates an expense (fires {@code expense.update}). */
    public Expense updateExpense(long expenseId, Map<String, ?> fields) {
        return FbViews.expense(update(FbResource.EXPENSE, expenseId, fields));
    }

    /** Updates a project (fires {@code project.update}). */
    public Project updateProject(long projectId, Map<String, ?> fields) {
        return FbViews.project(update(FbResource.PROJECT, projectId, fields));
    }

    /** Deletes (vis_state 1, or removal where FreshBooks hard-deletes) and fires {@code <resource>.delete}. */
    public void delete(FbResource resource, long id) {
        store.delete(resource, id, true);
    }

    // ---- inspection -------------------------------------------------------------------------------------------

    /** Every stored object of a resource as the API would return it (including deleted ones). */
    public List<JsonNode> all(FbResource resource) {
        return List.copyOf(store.list(resource));
    }

    /** One stored object. */
    public Optional<JsonNode> json(FbResource resource, long id) {
        return store.get(resource, id).map(n -> n);
    }

    /** All bills. */
    public List<Bill> bills() {
        return store.list(FbResource.BILL).stream().map(FbViews::bill).toList();
    }

    /** One bill. */
    public Optional<Bill> bill(long id) {
        return store.get(FbResource.BILL, id).map(FbViews::bill);
    }

    /** All bill vendors. */
    public List<BillVendor> billVendors() {
        return store.list(FbResource.BILL_VENDOR).stream().map(FbViews::billVendor).toList();
    }

    /** All bill payments. */
    public List<BillPayment> billPayments() {
        return store.list(FbResource.BILL_PAYMENT).stream().map(FbViews::billPayment).toList();
    }

    /** All expense categories. */
    public List<ExpenseCategory> expenseCategories() {
        return store.list(FbResource.EXPENSE_CATEGORY).stream().map(FbViews::category).toList();
    }

    /** All expenses (e.g. the ones the sync engine created). */
    public List<Expense> expenses() {
        return store.list(FbResource.EXPENSE).stream().map(FbViews::expense).toList();
    }

    /** One expense. */
    public Optional<Expense> expense(long id) {
        return store.get(FbResource.EXPENSE, id).map(FbViews::expense);
    }

    /** All invoices (with lines). */
    public List<Invoice> invoices() {
        return store.list(FbResource.INVOICE).stream().map(FbViews::invoice).toList();
    }

    /** All invoice payments. */
    public List<Payment> payments() {
        return store.list(FbResource.PAYMENT).stream().map(FbViews::payment).toList();
    }

    /** All clients. */
    public List<Client> clients() {
        return store.list(FbResource.CLIENT).stream().map(FbViews::client).toList();
    }

    /** All projects. */
    public List<Project> projects() {
        return store.list(FbResource.PROJECT).stream().map(FbViews::project).toList();
    }

    /** One project. */
    public Optional<Project> project(long id) {
        return store.get(FbResource.PROJECT, id).map(FbViews::project);
    }

    // ---- webhooks ---------------------------------------------------------------------------------------------

    /** Registers an already verified callback with a generated verifier (no handshake). */
    public Callback registerCallback(String event, String uri) {
        return callbacks.create(event, uri, null, true);
    }

    /** Registers an already verified callback with a known verifier (no handshake). */
    public Callback registerCallback(String event, String uri, String verifier) {
        return callbacks.create(event, uri, Objects.requireNonNull(verifier), true);
    }

    /**
     * Fires a webhook event for an arbitrary object id, without any state change (e.g. to replay a delivery, or to
     * announce an object that does not exist).
     */
    public void fireEvent(String name, long objectId) {
        callbacks.emit(name, objectId);
    }

    /** All callbacks. */
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

        /** The user and business served. */
        public Builder identity(FreshBooksIdentity identity) {
            this.identity = Objects.requireNonNull(identity);
            return this;
        }

        /** The registered redirect URI. */
        public Builder redirectUri(String uri) {
            this.redirectUri = uri;
            return this;
        }

        /** The space-separated scope string returned with tokens. */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** Access token lifetime ({@code expires_in}); default 43200 s. */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = lifetime;
            return this;
        }

        /** Accounting error body style; default {@link AccountingErrorStyle#MIXED}. */
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

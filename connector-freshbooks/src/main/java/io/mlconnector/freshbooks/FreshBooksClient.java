package io.mlconnector.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.TokenManager;
import io.mlconnector.core.auth.TokenSource;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.http.Sleeper;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.http.Envelopes;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.FreshBooksErrorDecoder;
import io.mlconnector.freshbooks.internal.json.FreshBooksJson;
import io.mlconnector.freshbooks.model.Business;
import io.mlconnector.freshbooks.model.Identity;
import io.mlconnector.freshbooks.resource.BillPaymentService;
import io.mlconnector.freshbooks.resource.BillService;
import io.mlconnector.freshbooks.resource.BillVendorService;
import io.mlconnector.freshbooks.resource.CallbackService;
import io.mlconnector.freshbooks.resource.ClientService;
import io.mlconnector.freshbooks.resource.ExpenseCategoryService;
import io.mlconnector.freshbooks.resource.ExpenseService;
import io.mlconnector.freshbooks.resource.InvoiceService;
import io.mlconnector.freshbooks.resource.ItemService;
import io.mlconnector.freshbooks.resource.JournalEntryService;
import io.mlconnector.freshbooks.resource.LedgerAccountService;
import io.mlconnector.freshbooks.resource.OtherIncomeService;
import io.mlconnector.freshbooks.resource.PaymentService;
import io.mlconnector.freshbooks.resource.ProjectService;
import io.mlconnector.freshbooks.resource.ReportService;
import io.mlconnector.freshbooks.resource.ServiceCatalog;
import io.mlconnector.freshbooks.resource.TaskService;
import io.mlconnector.freshbooks.resource.TaxService;
import io.mlconnector.freshbooks.resource.TimeEntryService;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed FreshBooks client for one business. Build it with {@link #builder()}: base URLs (overridable for tests
 * and proxies), a token source (static token, any core {@link TokenSource}, or OAuth with a rotating grant in a
 * {@link CredentialStore}), the business's ids (or discover them with {@link #identity()} and
 * {@link #forBusiness(Business)}), transport, retry policy and clock. Thread-safe; share one per business.
 *
 * <pre>{@code
 * FreshBooksClient fb = FreshBooksClient.builder()
 *         .oauth(oauth, store, FreshBooksTokenSource.keyFor("acme"))
 *         .build();
 * Business b = fb.identity().businesses().get(0);
 * FreshBooksClient acme = fb.forBusiness(b);
 * acme.bills().get(43221133);
 * }</pre>
 */
public final class FreshBooksClient {
    /** Default API host. */
    public static final String DEFAULT_API_BASE = "https://api.freshbooks.com";
    /** Default authorization host. */
    public static final String DEFAULT_AUTH_BASE = "https://auth.freshbooks.com";
    /** The name of this API in listener events and logs. */
    public static final String SYSTEM = "freshbooks";

    private final Shared shared;
    private final FreshBooksApi api;
    private final InvoiceService invoices;
    private final BillService bills;
    private final BillVendorService billVendors;
    private final BillPaymentService billPayments;
    private final ExpenseService expenses;
    private final ExpenseCategoryService expenseCategories;
    private final ClientService clients;
    private final PaymentService payments;
    private final ItemService items;
    private final TaxService taxes;
    private final JournalEntryService journalEntries;
    private final LedgerAccountService ledgerAccounts;
    private final ProjectService projects;
    private final TimeEntryService timeEntries;
    private final CallbackService callbacks;
    private final OtherIncomeService otherIncomes;
    private final TaskService tasks;
    private final ServiceCatalog services;
    private final ReportService reports;

    /** What every per-business copy of a client shares. */
    private record Shared(HttpTransport transport, TokenManager tokens, ObjectMapper mapper, URI apiBase,
                          String authBase, FreshBooksOAuth oauth, Clock clock) {
    }

    private FreshBooksClient(Shared shared, String accountId, Long businessId, String businessUuid) {
        this.shared = shared;
        this.api = new FreshBooksApi(shared.transport, shared.tokens, shared.mapper, shared.apiBase, accountId,
                businessId, businessUuid);
        this.invoices = new InvoiceService(api);
        this.bills = new BillService(api);
        this.billVendors = new BillVendorService(api);
        this.billPayments = new BillPaymentService(api);
        this.expenses = new ExpenseService(api);
        this.expenseCategories = new ExpenseCategoryService(api);
        this.clients = new ClientService(api);
        this.payments = new PaymentService(api);
        this.items = new ItemService(api);
        this.taxes = new TaxService(api);
        this.journalEntries = new JournalEntryService(api);
        this.ledgerAccounts = new LedgerAccountService(api);
        this.projects = new ProjectService(api);
        this.timeEntries = new TimeEntryService(api);
        this.callbacks = new CallbackService(api);
        this.otherIncomes = new OtherIncomeService(api);
        this.tasks = new TaskService(api);
        this.services = new ServiceCatalog(api);
        this.reports = new ReportService(api);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The authenticated user and their business memberships ({@code GET /auth/api/v1/users/me}).
     *
     * @return the authenticated user and their business memberships ({@code GET /auth/api/v1/users/me})
     */
    public Identity identity() {
        JsonNode root = api.send(HttpMethod.GET, "/auth/api/v1/users/me", null, null);
        return api.convert(Envelopes.response(root), Identity.class);
    }

    /**
     * A client for another business, sharing this one's transport and tokens, with that business's three ids.
     *
     * @param business a client for another business, sharing this one's transport and tokens, with that business's
     *     three ids
     * @return a client for another business, sharing this one's transport and tokens, with that business's three ids
     */
    public FreshBooksClient forBusiness(Business business) {
        Objects.requireNonNull(business, "business");
        return new FreshBooksClient(shared, business.accountId(), business.id(), business.businessUuid());
    }

    /**
     * The account id (accounting, events).
     *
     * @return the account id (accounting, events)
     */
    public String accountId() {
        return api.accountId();
    }

    /**
     * The business id (projects, time tracking).
     *
     * @return the business id (projects, time tracking)
     */
    public long businessId() {
        return api.businessId();
    }

    /**
     * The business uuid (ledger accounts).
     *
     * @return the business uuid (ledger accounts)
     */
    public String businessUuid() {
        return api.businessUuid();
    }

    /**
     * The OAuth helper when the client was built with OAuth credentials.
     *
     * @return the OAuth helper when the client was built with OAuth credentials
     */
    public Optional<FreshBooksOAuth> oauth() {
        return Optional.ofNullable(shared.oauth);
    }

    /**
     * The token manager (refresh count, forced refresh).
     *
     * @return the token manager (refresh count, forced refresh)
     */
    public TokenManager tokens() {
        return shared.tokens;
    }

    /**
     * The low-level request executor, for endpoints this client does not model.
     *
     * @return the low-level request executor, for endpoints this client does not model
     */
    public FreshBooksApi api() {
        return api;
    }

    /**
     * The invoices.
     *
     * @return the invoices
     */
    public InvoiceService invoices() {
        return invoices;
    }

    /**
     * The bills.
     *
     * @return the bills
     */
    public BillService bills() {
        return bills;
    }

    /**
     * The bill vendors.
     *
     * @return the bill vendors
     */
    public BillVendorService billVendors() {
        return billVendors;
    }

    /**
     * The bill payments.
     *
     * @return the bill payments
     */
    public BillPaymentService billPayments() {
        return billPayments;
    }

    /**
     * The expenses.
     *
     * @return the expenses
     */
    public ExpenseService expenses() {
        return expenses;
    }

    /**
     * The expense categories.
     *
     * @return the expense categories
     */
    public ExpenseCategoryService expenseCategories() {
        return expenseCategories;
    }

    /**
     * The clients.
     *
     * @return the clients
     */
    public ClientService clients() {
        return clients;
    }

    /**
     * The payments.
     *
     * @return the payments
     */
    public PaymentService payments() {
        return payments;
    }

    /**
     * The items.
     *
     * @return the items
     */
    public ItemService items() {
        return items;
    }

    /**
     * The taxes.
     *
     * @return the taxes
     */
    public TaxService taxes() {
        return taxes;
    }

    /**
     * The journal entries.
     *
     * @return the journal entries
     */
    public JournalEntryService journalEntries() {
        return journalEntries;
    }

    /**
     * The ledger accounts.
     *
     * @return the ledger accounts
     */
    public LedgerAccountService ledgerAccounts() {
        return ledgerAccounts;
    }

    /**
     * The projects.
     *
     * @return the projects
     */
    public ProjectService projects() {
        return projects;
    }

    /**
     * The time entries.
     *
     * @return the time entries
     */
    public TimeEntryService timeEntries() {
        return timeEntries;
    }

    /**
     * The callbacks.
     *
     * @return the callbacks
     */
    public CallbackService callbacks() {
        return callbacks;
    }

    /**
     * The other incomes.
     *
     * @return the other incomes
     */
    public OtherIncomeService otherIncomes() {
        return otherIncomes;
    }

    /**
     * The tasks.
     *
     * @return the tasks
     */
    public TaskService tasks() {
        return tasks;
    }

    /**
     * The services.
     *
     * @return the services
     */
    public ServiceCatalog services() {
        return services;
    }

    /**
     * The reports.
     *
     * @return the reports
     */
    public ReportService reports() {
        return reports;
    }

    @Override
    public String toString() {
        return "FreshBooksClient[api=" + shared.apiBase + "]";
    }

    /**
     * Builder for {@link FreshBooksClient}. Authentication is configured one way, by exactly one of
     * {@link #accessToken}, {@link #tokenSource}, {@link #tokenManager}, {@link #oauthCredentials} with
     * {@link #credentialStore}, or {@link #oauth}; calling a second one throws {@link ConfigurationException} rather
     * than letting one silently win.
     */
    public static final class Builder {
        private String authPath;
        private String apiBaseUrl = DEFAULT_API_BASE;
        private String authBaseUrl = DEFAULT_AUTH_BASE;
        private TokenManager tokenManager;
        private TokenSource tokenSource;
        private String clientId;
        private String clientSecret;
        private String redirectUri;
        private FreshBooksOAuth oauth;
        private CredentialStore credentialStore;
        private CredentialKey credentialKey;
        private String accountId;
        private Long businessId;
        private String businessUuid;
        private HttpTransport transport;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private final java.util.List<ConnectorListener> listeners = new java.util.ArrayList<>();

        /**
         * Adds a listener told of every HTTP attempt, retry and token refresh of this client (tagged
         * {@code freshbooks}); may be called several times. A token manager given with {@link #tokenManager} reports
         * to the listeners it was built with.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(ConnectorListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * API host (default {@code https://api.freshbooks.com}); also used for the OAuth token endpoint.
         *
         * @param v API host
         * @return this builder
         */
        public Builder apiBaseUrl(String v) {
            apiBaseUrl = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Authorization host for the browser URL (default {@code https://auth.freshbooks.com}).
         *
         * @param v authorization host for the browser URL
         * @return this builder
         */
        public Builder authBaseUrl(String v) {
            authBaseUrl = Objects.requireNonNull(v);
            return this;
        }

        /**
         * A fixed bearer token (cannot be refreshed; a 401 surfaces as AuthenticationException).
         *
         * @param token a fixed bearer token (cannot be refreshed; a 401 surfaces as AuthenticationException)
         * @return this builder
         */
        public Builder accessToken(String token) {
            authPath("accessToken(...)");
            Objects.requireNonNull(token, "token");
            AccessToken fixed = new AccessToken(token, Instant.MAX);
            tokenSource = () -> fixed;
            return this;
        }

        /**
         * Any core token source; the client wraps it in a {@link TokenManager}.
         *
         * @param v any core token source
         * @return this builder
         */
        public Builder tokenSource(TokenSource v) {
            authPath("tokenSource(...)");
            tokenSource = v;
            return this;
        }

        /**
         * A ready token manager (share one between clients of the same grant).
         *
         * @param v a ready token manager (share one between clients of the same grant)
         * @return this builder
         */
        public Builder tokenManager(TokenManager v) {
            authPath("tokenManager(...)");
            tokenManager = v;
            return this;
        }

        /**
         * OAuth client credentials; with {@link #credentialStore} the client refreshes the rotating grant itself.
         *
         * @param clientId the OAuth client id
         * @param clientSecret the OAuth client secret
         * @param redirectUri the redirect URI
         * @return this builder
         */
        public Builder oauthCredentials(String clientId, String clientSecret, String redirectUri) {
            authPath(OAUTH_CREDENTIALS);
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.redirectUri = redirectUri;
            return this;
        }

        /**
         * A prepared OAuth helper plus where its grant lives.
         *
         * @param v a prepared OAuth helper plus where its grant lives
         * @param store the credential store
         * @param key the key
         * @return this builder
         */
        public Builder oauth(FreshBooksOAuth v, CredentialStore store, CredentialKey key) {
            authPath("oauth(...)");
            oauth = v;
            credentialStore = store;
            credentialKey = key;
            return this;
        }

        /**
         * Where the rotating grant of {@link #oauthCredentials} is stored (key kind {@code freshbooks.oauth}).
         *
         * @param store the credential store
         * @param key the key
         * @return this builder
         */
        public Builder credentialStore(CredentialStore store, CredentialKey key) {
            authPath(OAUTH_CREDENTIALS);
            credentialStore = store;
            credentialKey = key;
            return this;
        }

        /**
         * Account id for accounting and events calls (e.g. {@code 6BApk}).
         *
         * @param v account id for accounting and events calls (e.g
         * @return this builder
         */
        public Builder accountId(String v) {
            accountId = v;
            return this;
        }

        /**
         * Business id for projects and time tracking.
         *
         * @param v business id for projects and time tracking
         * @return this builder
         */
        public Builder businessId(long v) {
            businessId = v;
            return this;
        }

        /**
         * Business uuid for ledger accounts.
         *
         * @param v business uuid for ledger accounts
         * @return this builder
         */
        public Builder businessUuid(String v) {
            businessUuid = v;
            return this;
        }

        /**
         * A preconfigured transport (its error decoder is replaced by FreshBooks'; retryPolicy then does not apply).
         *
         * @param v a preconfigured transport (its error decoder is replaced by FreshBooks'; retryPolicy then does not
         *     apply)
         * @return this builder
         */
        public Builder transport(HttpTransport v) {
            transport = v;
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param v the retry policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy v) {
            retryPolicy = Objects.requireNonNull(v);
            return this;
        }

        /**
         * How retries wait (tests pass a no-op sleeper).
         *
         * @param v how retries wait (tests pass a no-op sleeper)
         * @return this builder
         */
        public Builder sleeper(Sleeper v) {
            sleeper = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param v the clock
         * @return this builder
         */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        private static final String OAUTH_CREDENTIALS = "oauthCredentials(...) with credentialStore(...)";

        private void authPath(String path) {
            if (authPath != null && !authPath.equals(path)) {
                throw new ConfigurationException("FreshBooksClient authentication is configured by " + authPath
                        + " already; " + path + " would be a second, overlapping way: choose one");
            }
            authPath = path;
        }

        /**
        /**
         * Builds the {@code FreshBooksClient} from the settings given so far.
         *
         * @return the new {@code FreshBooksClient}
         */
        public FreshBooksClient build() {
            if (OAUTH_CREDENTIALS.equals(authPath) && (clientId == null || credentialStore == null)) {
                throw new ConfigurationException("FreshBooksClient: oauthCredentials(...) and credentialStore(...) "
                        + "go together");
            }
            ObjectMapper mapper = FreshBooksJson.newObjectMapper();
            FreshBooksErrorDecoder decoder = new FreshBooksErrorDecoder(mapper);
            HttpTransport t = transport != null ? transport.withErrorDecoder(decoder)
                    : HttpTransport.builder().retryPolicy(retryPolicy).clock(clock).sleeper(sleeper)
                    .errorDecoder(decoder).userAgent("ml-connector-freshbooks/0.1").build();
            if ("http".equals(t.system())) {
                t = t.withSystem(SYSTEM);
            }
            for (ConnectorListener l : listeners) {
                t = t.withListener(l);
            }
            FreshBooksOAuth o = oauth;
            if (o == null && clientId != null) {
                o = FreshBooksOAuth.builder().clientId(clientId).clientSecret(clientSecret).redirectUri(redirectUri)
                        .authBaseUrl(authBaseUrl).apiBaseUrl(apiBaseUrl).transport(t).clock(clock).build();
            }
            TokenManager tm = tokenManager;
            if (tm == null) {
                TokenSource source = tokenSource;
                if (source == null && o != null && credentialStore != null && credentialKey != null) {
                    source = FreshBooksTokenSource.builder().oauth(o).store(credentialStore).key(credentialKey)
                            .clock(clock).build();
                }
                if (source == null) {
                    throw new ConfigurationException("FreshBooksClient needs accessToken(...), tokenSource(...), "
                            + "tokenManager(...) or OAuth credentials with a credential store");
                }
                tm = TokenManager.builder().source(source).clock(clock).system(SYSTEM).listeners(listeners).build();
            }
            Shared shared = new Shared(t, tm, mapper, URI.create(apiBaseUrl), authBaseUrl, o, clock);
            return new FreshBooksClient(shared, accountId, businessId, businessUuid);
        }
    }
}

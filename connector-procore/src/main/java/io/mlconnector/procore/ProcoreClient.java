package io.mlconnector.procore;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.TokenManager;
import io.mlconnector.core.http.ApiRequest;
import io.mlconnector.core.http.HeaderRateLimiter;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RateLimiter;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.http.Sleeper;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.procore.auth.ClientCredentials;
import io.mlconnector.procore.auth.PersistentTokenSource;
import io.mlconnector.procore.auth.ProcoreCredentialVault;
import io.mlconnector.procore.auth.ProcoreTokenSource;
import io.mlconnector.procore.http.ProcoreErrorDecoder;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.internal.json.ProcoreJson;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.TokenInfo;
import io.mlconnector.procore.resource.BudgetApi;
import io.mlconnector.procore.resource.ChangeOrdersApi;
import io.mlconnector.procore.resource.CommitmentsApi;
import io.mlconnector.procore.resource.CompaniesApi;
import io.mlconnector.procore.resource.ContractsApi;
import io.mlconnector.procore.resource.CostCodesApi;
import io.mlconnector.procore.resource.DirectCostsApi;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.resource.ProjectsApi;
import io.mlconnector.procore.resource.RequisitionsApi;
import io.mlconnector.procore.resource.VendorsApi;
import io.mlconnector.procore.resource.WebhooksApi;
import io.mlconnector.procore.scope.ProjectScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A typed Procore REST client bound to one company and one Developer Managed Service Account.
 *
 * <ul>
 *   <li>Tokens: OAuth client credentials from the login host, cached by core's {@link TokenManager} and renewed
 *       {@code tokenPrefetch} (default 10 min) before the 90-minute expiry, so steady operation never sends an
 *       expired token; the client secret and the current token live in the {@link CredentialStore} (wrap it in
 *       {@code EncryptedCredentialStore}); a restarted client reuses a stored, still-fresh token.</li>
 *   <li>Every call carries {@code Procore-Company-Id}; project-scoped calls take a {@link ProjectRef} that is
 *       validated before anything is sent ({@link ProjectScope}).</li>
 *   <li>All calls share one {@link HeaderRateLimiter} reading {@code X-Rate-Limit-Limit/Remaining/Reset}; a 429
 *       waits for the reset; a 503 {@code Retry-After} is honoured (core transport + retry policy).</li>
 * </ul>
 *
 * <pre>{@code
 * ProcoreClient procore = ProcoreClient.builder()
 *     .environment(ProcoreEnvironment.PRODUCTION)
 *     .clientId(id).clientSecret(secret).companyId(5358233)
 *     .credentialStore(new EncryptedCredentialStore(store, keys))
 *     .build();
 * procore.requisitions().list(new ProjectRef(5358233, 316469), ListOptions.defaults(), null)...
 * }</pre>
 */
public final class ProcoreClient {
    private final long companyId;
    private final String clientId;
    private final URI apiBase;
    private final URI loginBase;
    private final ObjectMapper mapper;
    private final HttpTransport apiTransport;
    private final HttpTransport loginTransport;
    private final RateLimiter rateLimiter;
    private final TokenManager tokens;
    private final ProcoreHttp http;
    private final ProjectScope scope;
    private final Clock clock;

    private final CompaniesApi companies;
    private final ProjectsApi projects;
    private final VendorsApi vendors;
    private final CostCodesApi costCodes;
    private final BudgetApi budget;
    private final CommitmentsApi commitments;
    private final RequisitionsApi requisitions;
    private final ContractsApi contracts;
    private final ChangeOrdersApi changeOrders;
    private final DirectCostsApi directCosts;
    private final WebhooksApi webhooks;

    private ProcoreClient(Builder b) {
        if (b.companyId <= 0) {
            throw new ConfigurationException("ProcoreClient needs companyId(...) set to a positive id");
        }
        this.companyId = b.companyId;
        this.clock = b.clock;
        this.apiBase = b.apiBase != null ? b.apiBase : b.environment.apiBase();
        this.loginBase = b.loginBase != null ? b.loginBase : b.environment.loginBase();
        this.mapper = ProcoreJson.newObjectMapper();
        ProcoreErrorDecoder decoder = new ProcoreErrorDecoder(mapper);
        this.rateLimiter = b.rateLimiter != null ? b.rateLimiter
                : HeaderRateLimiter.builder().clock(b.clock).sleeper(b.sleeper)
                        .resetMargin(java.time.Duration.ofSeconds(1)).build(); // X-Rate-Limit-Reset is whole seconds
        if (b.transport != null && b.retryPolicy != null) {
            throw new ConfigurationException("give the retry policy to the transport you pass in, not to both");
        }
        HttpTransport base = b.transport != null ? b.transport : HttpTransport.builder().clock(b.clock).sleeper(b.sleeper)
                .retryPolicy(b.retryPolicy != null ? b.retryPolicy : RetryPolicy.defaults()).build();
        base = observed(base, b.listeners);
        this.apiTransport = base.withErrorDecoder(decoder).withRateLimiter(rateLimiter);
        this.loginTransport = base.withErrorDecoder(decoder).withRateLimiter(RateLimiter.unlimited());

        CredentialStore store = b.credentialStore != null ? b.credentialStore : new InMemoryCredentialStore();
        String connectionId = b.connectionId != null ? b.connectionId : "procore-" + companyId;
        ProcoreCredentialVault vault = new ProcoreCredentialVault(store, connectionId, mapper);
        if (b.clientSecret != null) {
            if (b.clientId == null || b.clientId.isBlank()) {
                throw new ConfigurationException("ProcoreClient: clientSecret(...) needs clientId(...)");
            }
            vault.saveClient(new ClientCredentials(b.clientId, b.clientSecret));
        }
        ClientCredentials stored = vault.client();
        if (b.clientId != null && !b.clientId.equals(stored.clientId())) {
            throw new ConfigurationException("the stored credentials of connection " + connectionId + " belong to another client id");
        }
        this.clientId = stored.clientId();
        ProcoreTokenSource source = new ProcoreTokenSource(loginTransport, loginBase, vault::client, mapper, b.clock);
        this.tokens = TokenManager.builder()
                .source(new PersistentTokenSource(source, vault, b.clock, b.tokenPrefetch))
                .clock(b.clock).prefetch(b.tokenPrefetch).stale(b.tokenStale).system(SYSTEM)
                .listeners(b.listeners).build();
        this.http = new ProcoreHttp(apiTransport, tokens, mapper, apiBase, companyId);
        ProjectsApi[] projectsRef = new ProjectsApi[1];
        this.scope = new ProjectScope(companyId, () -> projectsRef[0].list(ListOptions.defaults().withPerPage(b.projectPageSize), "All")
                .map(ProcoreProject::id).collect(Collectors.toUnmodifiableSet()), b.clock, b.projectCacheMaxAge, b.projectRefreshInterval);
        this.companies = new CompaniesApi(http, scope);
        this.projects = new ProjectsApi(http, scope);
        projectsRef[0] = projects;
        this.vendors = new VendorsApi(http, scope);
        this.costCodes = new CostCodesApi(http, scope);
        this.budget = new BudgetApi(http, scope);
        this.commitments = new CommitmentsApi(http, scope);
        this.requisitions = new RequisitionsApi(http, scope);
        this.contracts = new ContractsApi(http, scope);
        this.changeOrders = new ChangeOrdersApi(http, scope);
        this.directCosts = new DirectCostsApi(http, scope);
        this.webhooks = new WebhooksApi(http, scope);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The name of this API in listener events and logs ({@code procore}). */
    public static final String SYSTEM = "procore";

    /** The transport named {@value #SYSTEM} (unless its owner named it) and reporting to the listeners. */
    private static HttpTransport observed(HttpTransport t, java.util.List<ConnectorListener> listeners) {
        HttpTransport out = "http".equals(t.system()) ? t.withSystem(SYSTEM) : t;
        for (ConnectorListener l : listeners) {
            out = out.withListener(l);
        }
        return out;
    }

    /**
     * The company every call is scoped to.
     *
     * @return the company every call is scoped to
     */
    public long companyId() {
        return companyId;
    }

    /**
     * The service account's client id (webhook metadata reports it as {@code source_application_id}).
     *
     * @return the service account's client id (webhook metadata reports it as {@code source_application_id})
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The API base URI.
     *
     * @return the API base URI
     */
    public URI apiBase() {
        return apiBase;
    }

    /**
     * The login (OAuth) base URI.
     *
     * @return the login (OAuth) base URI
     */
    public URI loginBase() {
        return loginBase;
    }

    /**
     * The clock the client uses.
     *
     * @return the clock the client uses
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Validates a company/project pair (cached); throws {@code InvalidProjectException} or {@code CompanyMismatchException}.
     *
     * @param project the project
     */
    public void validateProject(ProjectRef project) {
        scope.requireProject(project);
    }

    /**
     * The project scope (validation cache).
     *
     * @return the project scope (validation cache)
     */
    public ProjectScope scope() {
        return scope;
    }

    /**
     * The token manager (e.g. {@code refreshCount()} for figures).
     *
     * @return the token manager (e.g
     */
    public TokenManager tokens() {
        return tokens;
    }

    /**
     * The rate limiter shared by every API call of this client.
     *
     * @return the rate limiter shared by every API call of this client
     */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * The low-level executor, for endpoints this client does not model.
     *
     * @return the low-level executor, for endpoints this client does not model
     */
    public ProcoreHttp http() {
        return http;
    }

    /**
     * The JSON mapper configured for Procore bodies.
     *
     * @return the JSON mapper configured for Procore bodies
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * {@code GET {login}/oauth/token/info} — a cheap connection check.
     *
     * @return the token info
     */
    public TokenInfo tokenInfo() {
        URI uri = URI.create(loginBase.toString().replaceAll("/$", "") + "/oauth/token/info");
        ApiRequest request = ApiRequest.builder(HttpMethod.GET, uri).header("Accept", "application/json").build();
        String body = tokens.execute(t -> loginTransport.send(request.withHeader("Authorization", t.authorizationHeader())))
                .bodyAsString();
        try {
            return mapper.readValue(body, TokenInfo.class);
        } catch (IOException e) {
            throw new io.mlconnector.procore.http.UnexpectedResponseException("cannot read token info", e);
        }
    }

    /**
     * The companies.
     *
     * @return the companies
     */
    public CompaniesApi companies() {
        return companies;
    }

    /**
     * The projects.
     *
     * @return the projects
     */
    public ProjectsApi projects() {
        return projects;
    }

    /**
     * The vendors.
     *
     * @return the vendors
     */
    public VendorsApi vendors() {
        return vendors;
    }

    /**
     * Cost codes, standard cost codes and line item types (cost types).
     *
     * @return cost codes, standard cost codes and line item types (cost types)
     */
    public CostCodesApi costCodes() {
        return costCodes;
    }

    /**
     * Budget views, budget line items, budget changes and WBS codes.
     *
     * @return budget views, budget line items, budget changes and WBS codes
     */
    public BudgetApi budget() {
        return budget;
    }

    /**
     * Purchase order and work order contracts with their SOV lines.
     *
     * @return purchase order and work order contracts with their SOV lines
     */
    public CommitmentsApi commitments() {
        return commitments;
    }

    /**
     * Billing periods and requisitions (subcontractor invoices).
     *
     * @return the requisitions
     */
    public RequisitionsApi requisitions() {
        return requisitions;
    }

    /**
     * Prime contracts, payment applications and contract payments.
     *
     * @return prime contracts, payment applications and contract payments
     */
    public ContractsApi contracts() {
        return contracts;
    }

    /**
     * Change order packages, commitment change orders and change events.
     *
     * @return change order packages, commitment change orders and change events
     */
    public ChangeOrdersApi changeOrders() {
        return changeOrders;
    }

    /**
     * The direct costs.
     *
     * @return the direct costs
     */
    public DirectCostsApi directCosts() {
        return directCosts;
    }

    /**
     * Hooks, triggers and deliveries.
     *
     * @return hooks, triggers and deliveries
     */
    public WebhooksApi webhooks() {
        return webhooks;
    }

    /** Builder for {@link ProcoreClient}. */
    public static final class Builder {
        private ProcoreEnvironment environment = ProcoreEnvironment.PRODUCTION;
        private URI apiBase;
        private URI loginBase;
        private String clientId;
        private String clientSecret;
        private long companyId;
        private String connectionId;
        private CredentialStore credentialStore;
        private HttpTransport transport;
        private RetryPolicy retryPolicy;
        private RateLimiter rateLimiter;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Duration tokenPrefetch = Duration.ofMinutes(10);
        private Duration tokenStale = Duration.ofMinutes(2);
        private Duration projectCacheMaxAge = Duration.ofHours(1);
        private Duration projectRefreshInterval = Duration.ofMinutes(1);
        private int projectPageSize = 300;
        private final java.util.List<ConnectorListener> listeners = new java.util.ArrayList<>();

        /**
         * Adds a listener told of every HTTP attempt, retry, rate-limit wait (with the budget left) and token refresh
         * of this client, tagged {@code procore}; may be called several times.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(ConnectorListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        private Builder() {
        }

        /**
         * Sets both hosts from an environment (default {@link ProcoreEnvironment#PRODUCTION}).
         *
         * @param value both hosts from an environment
         * @return this builder
         */
        public Builder environment(ProcoreEnvironment value) {
            this.environment = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Overrides the API base (default {@code https://api.procore.com}); e.g. a local simulator.
         *
         * @param value the API base
         * @return this builder
         */
        public Builder apiBaseUrl(String value) {
            this.apiBase = URI.create(value);
            return this;
        }

        /**
         * Overrides the login base (default {@code https://login.procore.com}).
         *
         * @param value the login base
         * @return this builder
         */
        public Builder loginBaseUrl(String value) {
            this.loginBase = URI.create(value);
            return this;
        }

        /**
         * Sets the client id.
         *
         * @param value the client id
         * @return this builder
         */
        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        /**
         * The service account's secret; saved into the credential store (omit it to use the stored one).
         *
         * @param value the service account's secret
         * @return this builder
         */
        public Builder clientSecret(String value) {
            this.clientSecret = value;
            return this;
        }

        /**
         * Sets the company id.
         *
         * @param value the company id
         * @return this builder
         */
        public Builder companyId(long value) {
            this.companyId = value;
            return this;
        }

        /**
         * Names this connection in the credential store (default {@code procore-<companyId>}).
         *
         * @param value the value
         * @return this builder
         */
        public Builder connectionId(String value) {
            this.connectionId = value;
            return this;
        }

        /**
         * Where the secret and token live (default: in memory). Wrap it in {@code EncryptedCredentialStore}.
         *
         * @param value where the secret and token live
         * @return this builder
         */
        public Builder credentialStore(CredentialStore value) {
            this.credentialStore = value;
            return this;
        }

        /**
         * A preconfigured transport; the client derives copies with its error decoder and rate limiter.
         *
         * @param value a preconfigured transport
         * @return this builder
         */
        public Builder transport(HttpTransport value) {
            this.transport = value;
            return this;
        }

        /**
         * Retry policy of the transport the client builds (when no transport is given).
         *
         * @param value retry policy of the transport the client builds (when no transport is given)
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = value;
            return this;
        }

        /**
         * Replaces the default {@link HeaderRateLimiter} shared by all API calls.
         *
         * @param value the default {@link HeaderRateLimiter} shared by all API calls
         * @return this builder
         */
        public Builder rateLimiter(RateLimiter value) {
            this.rateLimiter = value;
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sleeper for rate-limit pacing and retries (tests advance a fake clock instead of sleeping).
         *
         * @param value sleeper for rate-limit pacing and retries (tests advance a fake clock instead of sleeping)
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long before expiry a token is renewed by one caller while the others keep using it (default 10 min).
         *
         * @param value how long before expiry a token is renewed by one caller while the others keep using it
         * @return this builder
         */
        public Builder tokenPrefetch(Duration value) {
            this.tokenPrefetch = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long before expiry every caller waits for the renewal (default 2 min).
         *
         * @param value how long before expiry every caller waits for the renewal
         * @return this builder
         */
        public Builder tokenStale(Duration value) {
            this.tokenStale = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long the company's project list is trusted (default 1 h).
         *
         * @param value how long the company's project list is trusted
         * @return this builder
         */
        public Builder projectCacheMaxAge(Duration value) {
            this.projectCacheMaxAge = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The least time between two project-list reloads caused by unknown ids (default 1 min).
         *
         * @param value the least time between two project-list reloads caused by unknown ids
         * @return this builder
         */
        public Builder projectRefreshInterval(Duration value) {
            this.projectRefreshInterval = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Page size of the project-list load (default 300).
         *
         * @param value page size of the project-list load
         * @return this builder
         */
        public Builder projectPageSize(int value) {
            this.projectPageSize = value;
            return this;
        }

        /**
         * Builds the {@code ProcoreClient} from the settings given so far.
         *
         * @return the new {@code ProcoreClient}
         */
        public ProcoreClient build() {
            return new ProcoreClient(this);
        }
    }
}

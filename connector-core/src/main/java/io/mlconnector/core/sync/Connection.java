package io.mlconnector.core.sync;

import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.webhook.WebhookVerifier;
import java.util.Objects;

/**
 * One synced pair: a FreshBooks account and a Procore company, each reached through its port (which holds that
 * connection's credentials), with the verifiers of both sides' webhooks and the connection's policy. Mappings,
 * ledger entries and cursors are keyed by {@link #id()}.
 */
public final class Connection {
    private final String id;
    private final AccountingSystem accounting;
    private final ProjectSystem projects;
    private final WebhookVerifier freshBooksVerifier;
    private final WebhookVerifier procoreVerifier;
    private final SyncPolicy policy;
    private final String projectCurrency;

    /**
     * Checks the components.
     *
     * @param id stable connection id (used as the key in every store; never reuse for another pair)
     * @param accounting the FreshBooks side; webhooks route by {@link AccountingSystem#accountId()}
     * @param projects the Procore side; webhooks route by {@link ProjectSystem#companyId()}
     * @param freshBooksVerifier verifies FreshBooks webhook signatures for this account
     * @param procoreVerifier verifies Procore webhook authorization headers for this company
     * @param policy this connection's policy, or null for the engine's default
     * @param projectCurrency the Procore company's currency (ISO), checked for documents posted without a commitment;
     *     null when unknown (then only commitment currencies are checked)
     */
    private Connection(String id, AccountingSystem accounting, ProjectSystem projects,
                       WebhookVerifier freshBooksVerifier, WebhookVerifier procoreVerifier, SyncPolicy policy,
                       String projectCurrency) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("connection id must not be blank");
        }
        Objects.requireNonNull(accounting, "accounting");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(freshBooksVerifier, "freshBooksVerifier");
        Objects.requireNonNull(procoreVerifier, "procoreVerifier");
        projectCurrency = projectCurrency == null ? null : projectCurrency.trim().toUpperCase(java.util.Locale.ROOT);
        this.id = id;
        this.accounting = accounting;
        this.projects = projects;
        this.freshBooksVerifier = freshBooksVerifier;
        this.procoreVerifier = procoreVerifier;
        this.policy = policy;
        this.projectCurrency = projectCurrency;
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
     * A builder holding this connection's settings, to derive another connection from it.
     *
     * @return a new builder with this connection's settings
     */
    public Builder toBuilder() {
        return new Builder().id(id).accounting(accounting).projects(projects).freshBooksVerifier(freshBooksVerifier)
                .procoreVerifier(procoreVerifier).policy(policy).projectCurrency(projectCurrency);
    }

    /**
     * This connection with another policy.
     *
     * @param value this connection with another policy
     * @return this connection with another policy
     */
    public Connection withPolicy(SyncPolicy value) {
        return new Connection(id, accounting, projects, freshBooksVerifier, procoreVerifier, value, projectCurrency);
    }

    @Override
    public String toString() {
        return "Connection[" + id + ", freshbooks account " + accounting.accountId() + ", procore company "
                + projects.companyId() + "]";
    }

    /** Builder for {@link Connection}. */
    public static final class Builder {
        private String id;
        private AccountingSystem accounting;
        private ProjectSystem projects;
        private WebhookVerifier freshBooksVerifier;
        private WebhookVerifier procoreVerifier;
        private SyncPolicy policy;
        private String projectCurrency;

        private Builder() {
        }

        /**
         * Sets the id.
         *
         * @param value the id
         * @return this builder
         */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the accounting.
         *
         * @param value the accounting
         * @return this builder
         */
        public Builder accounting(AccountingSystem value) {
            this.accounting = value;
            return this;
        }

        /**
         * Sets the projects.
         *
         * @param value the projects
         * @return this builder
         */
        public Builder projects(ProjectSystem value) {
            this.projects = value;
            return this;
        }

        /**
         * Sets the FreshBooks verifier.
         *
         * @param value the FreshBooks verifier
         * @return this builder
         */
        public Builder freshBooksVerifier(WebhookVerifier value) {
            this.freshBooksVerifier = value;
            return this;
        }

        /**
         * Sets the Procore verifier.
         *
         * @param value the Procore verifier
         * @return this builder
         */
        public Builder procoreVerifier(WebhookVerifier value) {
            this.procoreVerifier = value;
            return this;
        }

        /**
         * Sets the policy.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder policy(SyncPolicy value) {
            this.policy = value;
            return this;
        }

        /**
         * Sets the project currency.
         *
         * @param value the project currency
         * @return this builder
         */
        public Builder projectCurrency(String value) {
            this.projectCurrency = value;
            return this;
        }

        /**
         * Builds the {@code Connection} from the settings given so far.
         *
         * @return the new {@code Connection}
         */
        public Connection build() {
            return new Connection(id, accounting, projects, freshBooksVerifier, procoreVerifier, policy,
                    projectCurrency);
        }
    }

    /**
     * Stable connection id (used as the key in every store; never reuse for another pair).
     *
     * @return stable connection id (used as the key in every store; never reuse for another pair)
     */
    public String id() {
        return id;
    }

    /**
     * The FreshBooks side; webhooks route by {@link AccountingSystem#accountId()}.
     *
     * @return the FreshBooks side; webhooks route by {@link AccountingSystem#accountId()}
     */
    public AccountingSystem accounting() {
        return accounting;
    }

    /**
     * The Procore side; webhooks route by {@link ProjectSystem#companyId()}.
     *
     * @return the Procore side; webhooks route by {@link ProjectSystem#companyId()}
     */
    public ProjectSystem projects() {
        return projects;
    }

    /**
     * Verifies FreshBooks webhook signatures for this account.
     *
     * @return verifies FreshBooks webhook signatures for this account
     */
    public WebhookVerifier freshBooksVerifier() {
        return freshBooksVerifier;
    }

    /**
     * Verifies Procore webhook authorization headers for this company.
     *
     * @return verifies Procore webhook authorization headers for this company
     */
    public WebhookVerifier procoreVerifier() {
        return procoreVerifier;
    }

    /**
     * This connection's policy, or null for the engine's default.
     *
     * @return this connection's policy, or null for the engine's default
     */
    public SyncPolicy policy() {
        return policy;
    }

    /**
     * The Procore company's currency (ISO), checked for documents posted without a commitment; null when unknown
     * (then only commitment currencies are checked).
     *
     * @return the Procore company's currency (ISO), checked for documents posted without a commitment; null when
     *     unknown (then only commitment currencies are checked)
     */
    public String projectCurrency() {
        return projectCurrency;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Connection o && Objects.equals(id, o.id)
                && Objects.equals(accounting, o.accounting)
                && Objects.equals(projects, o.projects)
                && Objects.equals(freshBooksVerifier, o.freshBooksVerifier)
                && Objects.equals(procoreVerifier, o.procoreVerifier)
                && Objects.equals(policy, o.policy)
                && Objects.equals(projectCurrency, o.projectCurrency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, accounting, projects, freshBooksVerifier, procoreVerifier, policy, projectCurrency);
    }
}

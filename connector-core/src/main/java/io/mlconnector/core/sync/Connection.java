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
    private final WebhookVerifier accountingVerifier;
    private final WebhookVerifier projectVerifier;
    private final SyncPolicy policy;
    private final String projectCurrency;

    /**
     * Checks the components.
     *
     * @param id stable connection id (used as the key in every store; never reuse for another pair)
     * @param accounting the FreshBooks side; webhooks route by {@link AccountingSystem#accountId()}
     * @param projects the Procore side; webhooks route by {@link ProjectSystem#companyId()}
     * @param accountingVerifier verifies FreshBooks webhook signatures for this account
     * @param projectVerifier verifies Procore webhook authorization headers for this company
     * @param policy this connection's policy, or null for the engine's default
     * @param projectCurrency the Procore company's currency (ISO), checked for documents posted without a commitment;
     *     null when unknown (then only commitment currencies are checked)
     */
    private Connection(String id, AccountingSystem accounting, ProjectSystem projects,
                       WebhookVerifier accountingVerifier, WebhookVerifier projectVerifier, SyncPolicy policy,
                       String projectCurrency) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("connection id must not be blank");
        }
        Objects.requireNonNull(accounting, "accounting");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(accountingVerifier, "accountingVerifier");
        Objects.requireNonNull(projectVerifier, "projectVerifier");
        projectCurrency = projectCurrency == null ? null : projectCurrency.trim().toUpperCase(java.util.Locale.ROOT);
        this.id = id;
        this.accounting = accounting;
        this.projects = projects;
        this.accountingVerifier = accountingVerifier;
        this.projectVerifier = projectVerifier;
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
        return new Builder().id(id).accounting(accounting).projects(projects).accountingVerifier(accountingVerifier)
                .projectVerifier(projectVerifier).policy(policy).projectCurrency(projectCurrency);
    }

    /**
     * This connection with another policy.
     *
     * @param value this connection with another policy
     * @return this connection with another policy
     */
    public Connection withPolicy(SyncPolicy value) {
        return new Connection(id, accounting, projects, accountingVerifier, projectVerifier, value, projectCurrency);
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
        private WebhookVerifier accountingVerifier;
        private WebhookVerifier projectVerifier;
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
         * Sets the accounting-side verifier (FreshBooks webhook signatures).
         *
         * @param value the accounting-side verifier
         * @return this builder
         */
        public Builder accountingVerifier(WebhookVerifier value) {
            this.accountingVerifier = value;
            return this;
        }

        /**
         * Sets the accounting-side (FreshBooks) verifier; the former name of {@link #accountingVerifier}.
         *
         * @param value the accounting-side verifier
         * @return this builder
         * @deprecated use {@link #accountingVerifier(WebhookVerifier)}
         */
        @Deprecated
        public Builder freshBooksVerifier(WebhookVerifier value) {
            return accountingVerifier(value);
        }

        /**
         * Sets the project-side verifier (Procore webhook authorization headers).
         *
         * @param value the project-side verifier
         * @return this builder
         */
        public Builder projectVerifier(WebhookVerifier value) {
            this.projectVerifier = value;
            return this;
        }

        /**
         * Sets the project-side (Procore) verifier; the former name of {@link #projectVerifier}.
         *
         * @param value the project-side verifier
         * @return this builder
         * @deprecated use {@link #projectVerifier(WebhookVerifier)}
         */
        @Deprecated
        public Builder procoreVerifier(WebhookVerifier value) {
            return projectVerifier(value);
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
            return new Connection(id, accounting, projects, accountingVerifier, projectVerifier, policy,
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
    public WebhookVerifier accountingVerifier() {
        return accountingVerifier;
    }

    /**
     * The accounting-side verifier; the former name of {@link #accountingVerifier()}.
     *
     * @return the accounting-side verifier
     * @deprecated use {@link #accountingVerifier()}
     */
    @Deprecated
    public WebhookVerifier freshBooksVerifier() {
        return accountingVerifier;
    }

    /**
     * Verifies Procore webhook authorization headers for this company.
     *
     * @return verifies Procore webhook authorization headers for this company
     */
    public WebhookVerifier projectVerifier() {
        return projectVerifier;
    }

    /**
     * The project-side verifier; the former name of {@link #projectVerifier()}.
     *
     * @return the project-side verifier
     * @deprecated use {@link #projectVerifier()}
     */
    @Deprecated
    public WebhookVerifier procoreVerifier() {
        return projectVerifier;
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
                && Objects.equals(accountingVerifier, o.accountingVerifier)
                && Objects.equals(projectVerifier, o.projectVerifier)
                && Objects.equals(policy, o.policy)
                && Objects.equals(projectCurrency, o.projectCurrency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, accounting, projects, accountingVerifier, projectVerifier, policy, projectCurrency);
    }
}

package io.mlconnector.core.sync;

import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.webhook.WebhookVerifier;
import java.util.Objects;

/**
 * One synced pair: a FreshBooks account and a Procore company, each reached through its port (which holds that
 * connection's credentials), with the verifiers of both sides' webhooks and the connection's policy. Mappings,
 * ledger entries and cursors are keyed by {@link #id()}.
 *
 * @param id                 stable connection id (used as the key in every store; never reuse for another pair)
 * @param accounting         the FreshBooks side; webhooks route by {@link AccountingSystem#accountId()}
 * @param projects           the Procore side; webhooks route by {@link ProjectSystem#companyId()}
 * @param freshBooksVerifier verifies FreshBooks webhook signatures for this account
 * @param procoreVerifier    verifies Procore webhook authorization headers for this company
 * @param policy             this connection's policy, or null for the engine's default
 * @param projectCurrency    the Procore company's currency (ISO), checked for documents posted without a commitment;
 *                           null when unknown (then only commitment currencies are checked)
 */
public record Connection(String id, AccountingSystem accounting, ProjectSystem projects,
                         WebhookVerifier freshBooksVerifier, WebhookVerifier procoreVerifier, SyncPolicy policy,
                         String projectCurrency) {
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
    public Connection {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("connection id must not be blank");
        }
        Objects.requireNonNull(accounting, "accounting");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(freshBooksVerifier, "freshBooksVerifier");
        Objects.requireNonNull(procoreVerifier, "procoreVerifier");
        projectCurrency = projectCurrency == null ? null : projectCurrency.trim().toUpperCase(java.util.Locale.ROOT);
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
}

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

    public static Builder builder() {
        return new Builder();
    }

    /** This connection with another policy. */
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

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder accounting(AccountingSystem value) {
            this.accounting = value;
            return this;
        }

        public Builder projects(ProjectSystem value) {
            this.projects = value;
            return this;
        }

        public Builder freshBooksVerifier(WebhookVerifier value) {
            this.freshBooksVerifier = value;
            return this;
        }

        public Builder procoreVerifier(WebhookVerifier value) {
            this.procoreVerifier = value;
            return this;
        }

        public Builder policy(SyncPolicy value) {
            this.policy = value;
            return this;
        }

        public Builder projectCurrency(String value) {
            this.projectCurrency = value;
            return this;
        }

        public Connection build() {
            return new Connection(id, accounting, projects, freshBooksVerifier, procoreVerifier, policy,
                    projectCurrency);
        }
    }
}

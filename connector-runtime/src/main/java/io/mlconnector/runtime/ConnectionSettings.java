package io.mlconnector.runtime;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.sync.SyncPolicy;
import java.util.Objects;

/**
 * What one contractor's connection needs beyond the app settings: which FreshBooks business and which Procore company
 * it pairs, how the FreshBooks grant arrives, and the secret our Procore hooks carry.
 *
 * <p>The FreshBooks grant comes from an authorization code (the redirect of the contractor's OAuth consent; exchanged
 * when the connection is added), from a refresh token, or from the credential store (a restart, or an update without
 * either). Give at most one of the two.
 */
public final class ConnectionSettings {
    private final String id;
    private final String freshBooksAccountId;
    private final long freshBooksBusinessId;
    private final String freshBooksAuthorizationCode;
    private final String freshBooksRefreshToken;
    private final String freshBooksCallbackVerifier;
    private final long procoreCompanyId;
    private final String procoreWebhookSecret;
    private final SyncPolicy policy;

    /**
     * Checks the required components.
     *
     * @param id stable connection id (key of every store; never reuse it for another pair)
     * @param freshBooksAccountId the FreshBooks account id (e.g. {@code 6BApk}; FreshBooks webhooks route by it)
     * @param freshBooksBusinessId the FreshBooks business id
     * @param freshBooksAuthorizationCode an authorization code to exchange for the grant, or null
     * @param freshBooksRefreshToken a refresh token to seed the grant from, or null
     * @param freshBooksCallbackVerifier a FreshBooks callback verifier known already, or null (confirmed handshakes
     *     add theirs)
     * @param procoreCompanyId the Procore company id (Procore webhooks route by it)
     * @param procoreWebhookSecret the secret our Procore hooks send in their {@code Authorization} header
     * @param policy this connection's policy, or null for the connector's default
     * @throws ConfigurationException when the id, the FreshBooks account or business, the Procore company or
     *     the webhook secret is missing, or both an authorization code and a refresh token are given
     */
    private ConnectionSettings(String id, String freshBooksAccountId, long freshBooksBusinessId,
                               String freshBooksAuthorizationCode, String freshBooksRefreshToken,
                               String freshBooksCallbackVerifier, long procoreCompanyId, String procoreWebhookSecret,
                               SyncPolicy policy) {
        if (id == null || id.isBlank()) {
            throw new ConfigurationException("a connection needs an id");
        }
        if (freshBooksAccountId == null || freshBooksAccountId.isBlank() || freshBooksBusinessId <= 0) {
            throw new ConfigurationException("connection " + id + " needs its FreshBooks account id and business id");
        }
        if (procoreCompanyId <= 0) {
            throw new ConfigurationException("connection " + id + " needs its Procore company id");
        }
        if (procoreWebhookSecret == null || procoreWebhookSecret.isBlank()) {
            throw new ConfigurationException("connection " + id + " needs the secret of its Procore webhooks");
        }
        if (freshBooksAuthorizationCode != null && freshBooksRefreshToken != null) {
            throw new ConfigurationException("connection " + id + ": give a FreshBooks authorization code or a "
                    + "refresh token, not both");
        }
        this.id = id;
        this.freshBooksAccountId = freshBooksAccountId;
        this.freshBooksBusinessId = freshBooksBusinessId;
        this.freshBooksAuthorizationCode = freshBooksAuthorizationCode;
        this.freshBooksRefreshToken = freshBooksRefreshToken;
        this.freshBooksCallbackVerifier = freshBooksCallbackVerifier;
        this.procoreCompanyId = procoreCompanyId;
        this.procoreWebhookSecret = procoreWebhookSecret;
        this.policy = policy;
    }

    /**
     * A builder for the connection {@code id}.
     *
     * @param id the stable connection id
     * @return a new builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * A builder holding these settings, to derive other settings from them (an update of the connection).
     *
     * @return a new builder with these settings
     */
    public Builder toBuilder() {
        return new Builder(id).freshBooksAccount(freshBooksAccountId, freshBooksBusinessId)
                .freshBooksAuthorizationCode(freshBooksAuthorizationCode).freshBooksRefreshToken(freshBooksRefreshToken)
                .freshBooksCallbackVerifier(freshBooksCallbackVerifier).procoreCompany(procoreCompanyId)
                .procoreWebhookSecret(procoreWebhookSecret).policy(policy);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + id + ", freshbooks account " + freshBooksAccountId + ", procore company "
                + procoreCompanyId + "]";
    }

    /** Builder for {@link ConnectionSettings}. */
    public static final class Builder {
        private final String id;
        private String accountId;
        private long businessId;
        private String code;
        private String refreshToken;
        private String verifier;
        private long companyId;
        private String hookSecret;
        private SyncPolicy policy;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * The FreshBooks business this connection posts from and to. Required.
         *
         * @param accountId  the FreshBooks account id (FreshBooks webhooks route by it)
         * @param businessId the FreshBooks business id
         * @return this builder
         */
        public Builder freshBooksAccount(String accountId, long businessId) {
            this.accountId = accountId;
            this.businessId = businessId;
            return this;
        }

        /**
         * The authorization code of the contractor's OAuth redirect (valid 5 minutes, used once).
         *
         * @param value the {@code code} parameter of the redirect, or null
         * @return this builder
         */
        public Builder freshBooksAuthorizationCode(String value) {
            this.code = value;
            return this;
        }

        /**
         * A refresh token to seed the grant from (used only the first time it is seen).
         *
         * @param value the refresh token, or null
         * @return this builder
         */
        public Builder freshBooksRefreshToken(String value) {
            this.refreshToken = value;
            return this;
        }

        /**
         * A FreshBooks callback verifier known from elsewhere.
         *
         * @param value the verifier, or null
         * @return this builder
         */
        public Builder freshBooksCallbackVerifier(String value) {
            this.verifier = value;
            return this;
        }

        /**
         * The Procore company this connection posts to and reads from. Required.
         *
         * @param companyId the Procore company id
         * @return this builder
         */
        public Builder procoreCompany(long companyId) {
            this.companyId = companyId;
            return this;
        }

        /**
         * The secret our Procore hooks send in their {@code Authorization} header. Required.
         *
         * @param value the webhook secret
         * @return this builder
         */
        public Builder procoreWebhookSecret(String value) {
            this.hookSecret = value;
            return this;
        }

        /**
         * This connection's policy (default: the connector's).
         *
         * @param value the policy, or null for the connector's default
         * @return this builder
         */
        public Builder policy(SyncPolicy value) {
            this.policy = value;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the new settings
         * @throws ConfigurationException when a required setting is missing, or both an authorization code and a
         *                                refresh token were given
         */
        public ConnectionSettings build() {
            return new ConnectionSettings(id, accountId, businessId, code, refreshToken, verifier, companyId,
                    hookSecret, policy);
        }
    }

    /**
     * Stable connection id (key of every store; never reuse it for another pair).
     *
     * @return stable connection id (key of every store; never reuse it for another pair)
     */
    public String id() {
        return id;
    }

    /**
     * The FreshBooks account id (e.g. {@code 6BApk}; FreshBooks webhooks route by it).
     *
     * @return the FreshBooks account id (e.g. {@code 6BApk}; FreshBooks webhooks route by it)
     */
    public String freshBooksAccountId() {
        return freshBooksAccountId;
    }

    /**
     * The FreshBooks business id.
     *
     * @return the FreshBooks business id
     */
    public long freshBooksBusinessId() {
        return freshBooksBusinessId;
    }

    /**
     * An authorization code to exchange for the grant, or null.
     *
     * @return an authorization code to exchange for the grant, or null
     */
    public String freshBooksAuthorizationCode() {
        return freshBooksAuthorizationCode;
    }

    /**
     * A refresh token to seed the grant from, or null.
     *
     * @return a refresh token to seed the grant from, or null
     */
    public String freshBooksRefreshToken() {
        return freshBooksRefreshToken;
    }

    /**
     * A FreshBooks callback verifier known already, or null (confirmed handshakes add theirs).
     *
     * @return a FreshBooks callback verifier known already, or null (confirmed handshakes add theirs)
     */
    public String freshBooksCallbackVerifier() {
        return freshBooksCallbackVerifier;
    }

    /**
     * The Procore company id (Procore webhooks route by it).
     *
     * @return the Procore company id (Procore webhooks route by it)
     */
    public long procoreCompanyId() {
        return procoreCompanyId;
    }

    /**
     * The secret our Procore hooks send in their {@code Authorization} header.
     *
     * @return the secret our Procore hooks send in their {@code Authorization} header
     */
    public String procoreWebhookSecret() {
        return procoreWebhookSecret;
    }

    /**
     * This connection's policy, or null for the connector's default.
     *
     * @return this connection's policy, or null for the connector's default
     */
    public SyncPolicy policy() {
        return policy;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ConnectionSettings o && Objects.equals(id, o.id)
                && Objects.equals(freshBooksAccountId, o.freshBooksAccountId)
                && freshBooksBusinessId == o.freshBooksBusinessId
                && Objects.equals(freshBooksAuthorizationCode, o.freshBooksAuthorizationCode)
                && Objects.equals(freshBooksRefreshToken, o.freshBooksRefreshToken)
                && Objects.equals(freshBooksCallbackVerifier, o.freshBooksCallbackVerifier)
                && procoreCompanyId == o.procoreCompanyId
                && Objects.equals(procoreWebhookSecret, o.procoreWebhookSecret)
                && Objects.equals(policy, o.policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, freshBooksAccountId, freshBooksBusinessId, freshBooksAuthorizationCode,
                            freshBooksRefreshToken, freshBooksCallbackVerifier, procoreCompanyId, procoreWebhookSecret,
                            policy);
    }
}

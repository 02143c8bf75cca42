package io.mlconnector.runtime;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.sync.SyncPolicy;

/**
 * What one contractor's connection needs beyond the app settings: which FreshBooks business and which Procore company
 * it pairs, how the FreshBooks grant arrives, and the secret our Procore hooks carry.
 *
 * <p>The FreshBooks grant comes from an authorization code (the redirect of the contractor's OAuth consent; exchanged
 * when the connection is added), from a refresh token, or from the credential store (a restart, or an update without
 * either). Give at most one of the two.
 *
 * @param id                          stable connection id (key of every store; never reuse it for another pair)
 * @param freshBooksAccountId         the FreshBooks account id (e.g. {@code 6BApk}; FreshBooks webhooks route by it)
 * @param freshBooksBusinessId        the FreshBooks business id
 * @param freshBooksAuthorizationCode an authorization code to exchange for the grant, or null
 * @param freshBooksRefreshToken      a refresh token to seed the grant from, or null
 * @param freshBooksCallbackVerifier  a FreshBooks callback verifier known already, or null (confirmed handshakes add
 *                                    theirs)
 * @param procoreCompanyId            the Procore company id (Procore webhooks route by it)
 * @param procoreWebhookSecret        the secret our Procore hooks send in their {@code Authorization} header
 * @param policy                      this connection's policy, or null for the connector's default
 */
public record ConnectionSettings(String id, String freshBooksAccountId, long freshBooksBusinessId,
                                 String freshBooksAuthorizationCode, String freshBooksRefreshToken,
                                 String freshBooksCallbackVerifier, long procoreCompanyId,
                                 String procoreWebhookSecret, SyncPolicy policy) {
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
    public ConnectionSettings {
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
}

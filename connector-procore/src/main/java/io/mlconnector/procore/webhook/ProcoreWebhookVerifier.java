package io.mlconnector.procore.webhook;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.webhook.SharedSecretHeaderVerifier;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a Procore webhook delivery. Procore does not sign payloads (procore.md §6.6); the only proof is the
 * static {@code Authorization} header we stored in the hook's {@code destination_headers}. This verifier compares
 * it in constant time (core {@link SharedSecretHeaderVerifier}) against every active secret, so a secret can be
 * rotated: add the new one, {@code PATCH} the hook, then drop the old one. A {@code Bearer } prefix is accepted.
 */
public final class ProcoreWebhookVerifier implements WebhookVerifier {
    /** The header Procore sends our secret in. */
    public static final String HEADER = "Authorization";
    private final SharedSecretHeaderVerifier delegate;

    private ProcoreWebhookVerifier(Builder b) {
        SharedSecretHeaderVerifier.Builder d = SharedSecretHeaderVerifier.builder().headerName(HEADER).prefix("Bearer ")
                .maxBodyBytes(b.maxBodyBytes);
        b.secrets.forEach(d::secret);
        this.delegate = d.build();
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
     * The value to put in the hook's {@code destination_headers.Authorization} for {@code secret}.
     *
     * @param secret the secret
     * @return the value to put in the hook's {@code destination_headers.Authorization} for {@code secret}
     */
    public static String headerValue(String secret) {
        return "Bearer " + Objects.requireNonNull(secret);
    }

    @Override
    public void verify(WebhookRequest request) {
        delegate.verify(request);
    }

    @Override
    public String toString() {
        return "ProcoreWebhookVerifier[header=" + HEADER + "]";
    }

    /** Builder for {@link ProcoreWebhookVerifier}. */
    public static final class Builder {
        private final List<String> secrets = new ArrayList<>();
        private int maxBodyBytes = 64 * 1024;

        /**
         * Adds an active secret (the current one, or an old one during rotation).
         *
         * @param value an active secret (the current one, or an old one during rotation)
         * @return this builder
         */
        public Builder secret(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException("a webhook secret must not be blank");
            }
            secrets.add(value);
            return this;
        }

        /**
         * Largest body accepted (default 64 KiB; Procore events carry ids only).
         *
         * @param value largest body accepted
         * @return this builder
         */
        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Builds the {@code ProcoreWebhookVerifier} from the settings given so far.
         *
         * @return the new {@code ProcoreWebhookVerifier}
         */
        public ProcoreWebhookVerifier build() {
            return new ProcoreWebhookVerifier(this);
        }
    }
}

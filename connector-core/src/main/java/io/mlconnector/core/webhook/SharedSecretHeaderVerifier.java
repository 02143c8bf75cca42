package io.mlconnector.core.webhook;

import io.mlconnector.core.crypto.ConstantTime;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies that a header carries one of the configured shared secrets (Procore sends the static value stored in
 * the hook's {@code destination_headers}). An optional prefix such as {@code "Bearer "} is accepted.
 * Constant-time comparison; several secrets may be active during rotation.
 */
public final class SharedSecretHeaderVerifier implements WebhookVerifier {
    private final String headerName;
    private final List<String> secrets;
    private final String prefix;
    private final int maxBodyBytes;

    private SharedSecretHeaderVerifier(Builder b) {
        this.headerName = Objects.requireNonNull(b.headerName, "headerName");
        if (b.secrets.isEmpty()) {
            throw new IllegalStateException("at least one secret is required");
        }
        this.secrets = List.copyOf(b.secrets);
        this.prefix = b.prefix;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void verify(WebhookRequest request) {
        if (request.bodyLength() > maxBodyBytes) {
            throw new WebhookVerificationException(Reason.BODY_TOO_LARGE,
                    "webhook body of " + request.bodyLength() + " bytes exceeds the limit of " + maxBodyBytes);
        }
        String value = request.header(headerName).map(String::trim).orElse("");
        if (value.isEmpty()) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, "missing header " + headerName);
        }
        if (prefix != null && value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            value = value.substring(prefix.length()).trim();
        }
        boolean match = false;
        for (String s : secrets) {
            match |= ConstantTime.equals(s, value);
        }
        if (!match) {
            throw new WebhookVerificationException(Reason.INVALID_SIGNATURE, "header " + headerName + " does not carry a known secret");
        }
    }

    /** Builder for {@link SharedSecretHeaderVerifier}. */
    public static final class Builder {
        private String headerName = "Authorization";
        private final List<String> secrets = new ArrayList<>();
        private String prefix;
        private int maxBodyBytes = 256 * 1024;

        /**
         * Sets the header name.
         *
         * @param value the header name
         * @return this builder
         */
        public Builder headerName(String value) {
            this.headerName = value;
            return this;
        }

        /**
         * Adds an accepted secret; call again to accept a second one during rotation.
         *
         * @param value an accepted secret
         * @return this builder
         */
        public Builder secret(String value) {
            if (Objects.requireNonNull(value, "secret").isBlank()) {
                throw new IllegalArgumentException("webhook secret must not be blank");
            }
            secrets.add(value.trim());
            return this;
        }

        /**
         * A prefix to strip before comparing, e.g. {@code "Bearer "}.
         *
         * @param value a prefix to strip before comparing, e.g
         * @return this builder
         */
        public Builder prefix(String value) {
            this.prefix = value;
            return this;
        }

        /**
         * Sets the max body bytes.
         *
         * @param value the max body bytes
         * @return this builder
         */
        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Builds the {@code SharedSecretHeaderVerifier} from the settings given so far.
         *
         * @return the new {@code SharedSecretHeaderVerifier}
         */
        public SharedSecretHeaderVerifier build() {
            return new SharedSecretHeaderVerifier(this);
        }
    }
}

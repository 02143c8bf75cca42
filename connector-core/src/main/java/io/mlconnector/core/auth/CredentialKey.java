package io.mlconnector.core.auth;

import java.util.Objects;

/**
 * Names one stored credential: a connection and the kind of secret (e.g. {@code freshbooks.oauth},
 * {@code procore.client}, {@code freshbooks.webhook-verifier}).
 */
public record CredentialKey(String connectionId, String kind) {
    /**
     * Checks the components.
     *
     * @param connectionId the connection's id
     * @param kind the kind
     */
    public CredentialKey {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(kind, "kind");
        if (connectionId.isBlank() || kind.isBlank()) {
            throw new IllegalArgumentException("connectionId and kind must not be blank");
        }
    }
}

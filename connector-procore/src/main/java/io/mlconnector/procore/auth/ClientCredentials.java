package io.mlconnector.procore.auth;

import java.util.Objects;

/**
 * The client id and secret of a Procore Developer Managed Service Account. {@link #toString()} never shows the
 * secret.
 *
 * @param clientId     the app's client id (also what webhook metadata reports as {@code source_application_id})
 * @param clientSecret the client secret
 */
public record ClientCredentials(String clientId, String clientSecret) {
    /**
     * Checks the components.
     *
     * @param clientId the app's client id (also what webhook metadata reports as {@code source_application_id})
     * @param clientSecret the client secret
     */
    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalArgumentException("client id and secret must not be blank");
        }
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=****]";
    }
}

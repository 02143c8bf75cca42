package io.mlconnector.core.auth;

/**
 * Obtains a fresh access token from the authorization server (client credentials, a refresh-token grant, …).
 * Implementations do the network call; {@link TokenManager} decides when to call them.
 */
@FunctionalInterface
public interface TokenSource {

    /**
     * Fetches a new token; throws a {@link io.mlconnector.core.error.ConnectorException} on failure.
     *
     * @return the token
     */
    AccessToken fetchToken();
}

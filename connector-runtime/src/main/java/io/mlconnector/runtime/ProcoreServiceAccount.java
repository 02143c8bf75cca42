package io.mlconnector.runtime;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.procore.ProcoreEnvironment;

/**
 * The host's Procore app credentials (client credentials grant of its service account): one per ERP application,
 * shared by every connection; each connection names the Procore company it syncs.
 *
 * @param clientId     the app's client id
 * @param clientSecret the app's client secret (never printed)
 * @param apiBaseUrl   the API host (default {@code https://api.procore.com})
 * @param loginBaseUrl the login host serving the token endpoint (default {@code https://login.procore.com})
 */
public record ProcoreServiceAccount(String clientId, String clientSecret, String apiBaseUrl, String loginBaseUrl) {
    /**
     * Checks the required components.
     *
     * @param clientId the app's client id
     * @param clientSecret the app's client secret (never printed)
     * @param apiBaseUrl the API host (default {@code https://api.procore.com})
     * @param loginBaseUrl the login host serving the token endpoint (default {@code https://login.procore.com})
     * @throws ConfigurationException when a component is null or blank
     */
    public ProcoreServiceAccount {
        require(clientId, "client id");
        require(clientSecret, "client secret");
        require(apiBaseUrl, "API base URL");
        require(loginBaseUrl, "login base URL");
    }

    /**
     * The service account at Procore's production hosts.
     *
     * @param clientId     the app's client id
     * @param clientSecret the app's client secret
     * @return the service account
     * @throws ConfigurationException when one of them is null or blank
     */
    public static ProcoreServiceAccount of(String clientId, String clientSecret) {
        return new ProcoreServiceAccount(clientId, clientSecret, ProcoreEnvironment.PRODUCTION.apiBase().toString(),
                ProcoreEnvironment.PRODUCTION.loginBase().toString());
    }

    /**
     * The same account at other hosts (the Procore sandbox environment, or a local one).
     *
     * @param apiBase   the API host
     * @param loginBase the login host serving the token endpoint
     * @return a new account; this one is unchanged
     * @throws ConfigurationException when one of them is null or blank
     */
    public ProcoreServiceAccount at(String apiBase, String loginBase) {
        return new ProcoreServiceAccount(clientId, clientSecret, apiBase, loginBase);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("the Procore service account needs its " + what);
        }
    }

    @Override
    public String toString() {
        return "ProcoreServiceAccount[clientId=" + clientId + ", api=" + apiBaseUrl + "]";
    }
}

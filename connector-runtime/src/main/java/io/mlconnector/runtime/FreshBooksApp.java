package io.mlconnector.runtime;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.freshbooks.FreshBooksClient;

/**
 * The host's FreshBooks app, as registered in the FreshBooks developer portal: one per ERP application, shared by
 * every connection (each contractor authorizes it for their own account).
 *
 * @param clientId     the app's client id
 * @param clientSecret the app's client secret (never printed)
 * @param redirectUri  the redirect URI registered for the app (where authorization codes arrive)
 * @param apiBaseUrl   the API host, also serving the token endpoint (default {@code https://api.freshbooks.com})
 * @param authBaseUrl  the host of the browser authorization page (default {@code https://auth.freshbooks.com})
 */
public record FreshBooksApp(String clientId, String clientSecret, String redirectUri, String apiBaseUrl,
                            String authBaseUrl) {
    /**
     * Checks the required components.
     *
     * @param clientId the app's client id
     * @param clientSecret the app's client secret (never printed)
     * @param redirectUri the redirect URI registered for the app (where authorization codes arrive)
     * @param apiBaseUrl the API host, also serving the token endpoint (default {@code https://api.freshbooks.com})
     * @param authBaseUrl the host of the browser authorization page (default {@code https://auth.freshbooks.com})
     * @throws ConfigurationException when a component is null or blank
     */
    public FreshBooksApp {
        require(clientId, "client id");
        require(clientSecret, "client secret");
        require(redirectUri, "redirect URI");
        require(apiBaseUrl, "API base URL");
        require(authBaseUrl, "authorization base URL");
    }

    /**
     * The app at FreshBooks' production hosts.
     *
     * @param clientId     the app's client id
     * @param clientSecret the app's client secret
     * @param redirectUri  the redirect URI registered for the app
     * @return the app
     * @throws ConfigurationException when one of them is null or blank
     */
    public static FreshBooksApp of(String clientId, String clientSecret, String redirectUri) {
        return new FreshBooksApp(clientId, clientSecret, redirectUri, FreshBooksClient.DEFAULT_API_BASE,
                FreshBooksClient.DEFAULT_AUTH_BASE);
    }

    /**
     * The same app at other hosts (a sandbox or a recording proxy).
     *
     * @param apiBase  the API host, also serving the token endpoint
     * @param authBase the host of the browser authorization page
     * @return a new app; this one is unchanged
     * @throws ConfigurationException when one of them is null or blank
     */
    public FreshBooksApp at(String apiBase, String authBase) {
        return new FreshBooksApp(clientId, clientSecret, redirectUri, apiBase, authBase);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("the FreshBooks app needs its " + what);
        }
    }

    @Override
    public String toString() {
        return "FreshBooksApp[clientId=" + clientId + ", api=" + apiBaseUrl + "]";
    }
}

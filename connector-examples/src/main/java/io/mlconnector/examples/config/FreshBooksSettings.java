package io.mlconnector.examples.config;

import java.net.URI;
import java.util.Objects;

/**
 * How the host reaches one FreshBooks business: API and authorization hosts, the OAuth app, the first refresh token,
 * the business's ids (discovered from the identity when absent) and the webhook verifier of an existing callback.
 *
 * @param apiUrl          API host ({@code FRESHBOOKS_API_URL}); the OAuth token endpoint lives there too
 * @param authUrl         authorization host for the browser consent URL ({@code FRESHBOOKS_AUTH_URL})
 * @param clientId        OAuth client id ({@code FRESHBOOKS_CLIENT_ID})
 * @param clientSecret    OAuth client secret ({@code FRESHBOOKS_CLIENT_SECRET})
 * @param redirectUri     registered redirect URI ({@code FRESHBOOKS_REDIRECT_URI}), or null
 * @param refreshToken    refresh token used on the first start only ({@code FRESHBOOKS_REFRESH_TOKEN}), or null
 * @param accountId       account id ({@code FRESHBOOKS_ACCOUNT_ID}), or null to discover it
 * @param businessId      business id ({@code FRESHBOOKS_BUSINESS_ID}), or null to discover it
 * @param webhookVerifier verifier of an already confirmed callback ({@code FRESHBOOKS_WEBHOOK_VERIFIER}), or null
 */
public record FreshBooksSettings(URI apiUrl, URI authUrl, String clientId, Secret clientSecret, String redirectUri,
                                 Secret refreshToken, String accountId, Long businessId, Secret webhookVerifier) {
    public FreshBooksSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }
}

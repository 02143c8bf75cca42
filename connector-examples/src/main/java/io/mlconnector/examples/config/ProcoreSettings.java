package io.mlconnector.examples.config;

import java.net.URI;
import java.util.Objects;

/**
 * How the host reaches one Procore company through a Developer Managed Service Account.
 *
 * @param apiUrl        API host ({@code PROCORE_API_URL})
 * @param loginUrl      login (OAuth) host ({@code PROCORE_LOGIN_URL})
 * @param clientId      the service account's client id ({@code PROCORE_CLIENT_ID})
 * @param clientSecret  the service account's client secret ({@code PROCORE_CLIENT_SECRET})
 * @param companyId     the company every call is scoped to ({@code PROCORE_COMPANY_ID})
 * @param webhookSecret the value Procore sends in the hook's {@code Authorization} header
 *                      ({@code PROCORE_WEBHOOK_SECRET})
 */
public record ProcoreSettings(URI apiUrl, URI loginUrl, String clientId, Secret clientSecret, long companyId,
                              Secret webhookSecret) {
    public ProcoreSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (companyId <= 0) {
            throw new IllegalArgumentException("companyId must be positive");
        }
    }
}

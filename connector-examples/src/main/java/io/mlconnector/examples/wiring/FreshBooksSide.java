package io.mlconnector.examples.wiring;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.examples.config.EnvConfig;
import io.mlconnector.examples.config.FreshBooksSettings;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.auth.FreshBooksGrantSeed;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.model.Business;
import io.mlconnector.freshbooks.model.Identity;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The FreshBooks side of a connection, wired from {@link FreshBooksSettings}: OAuth with the rotating grant kept in
 * the (encrypted) credential store, a client bound to the business, and the engine's {@code AccountingSystem} port.
 *
 * @param client     the typed client bound to the business
 * @param accounting the port the engine uses
 * @param tokens     the token source (stored grant, refresh count)
 */
public record FreshBooksSide(FreshBooksClient client, FreshBooksAccountingSystem accounting,
                             FreshBooksTokenSource tokens) {

    /**
     * Wires the side. When the account id or business id is not configured the user's identity is read
     * ({@code GET /auth/api/v1/users/me}) to find the business: the configured one, else the only one.
     *
     * @throws ConfigurationException when the grant is missing or the business cannot be chosen
     */
    public static FreshBooksSide wire(FreshBooksSettings s, CredentialStore store, Clock clock, RetryPolicy retry) {
        Objects.requireNonNull(s, "settings");
        FreshBooksOAuth oauth = FreshBooksOAuth.builder().clientId(s.clientId()).clientSecret(s.clientSecret().reveal())
                .redirectUri(s.redirectUri()).apiBaseUrl(s.apiUrl().toString()).authBaseUrl(s.authUrl().toString())
                .clock(clock).build();
        FreshBooksTokenSource tokens = FreshBooksTokenSource.builder().oauth(oauth).store(store)
                .key(FreshBooksTokenSource.keyFor("freshbooks-" + s.clientId())).clock(clock).build();
        try {
            FreshBooksGrantSeed.seed(tokens, store, s.refreshToken() == null ? null : s.refreshToken().reveal());
        } catch (ConfigurationException e) {
            throw new ConfigurationException(EnvConfig.FB_REFRESH_TOKEN + " is required on the first start: no "
                    + "FreshBooks grant is stored in the data directory yet", e);
        }
        FreshBooksClient.Builder b = FreshBooksClient.builder().apiBaseUrl(s.apiUrl().toString())
                .authBaseUrl(s.authUrl().toString()).tokenSource(tokens).retryPolicy(retry).clock(clock);
        FreshBooksClient client;
        if (s.accountId() != null && s.businessId() != null) {
            client = b.accountId(s.accountId()).businessId(s.businessId()).build();
        } else {
            FreshBooksClient unbound = b.build();
            client = unbound.forBusiness(chooseBusiness(unbound.identity(), s));
        }
        FreshBooksAccountingSystem accounting = FreshBooksAccountingSystem.builder().client(client).build();
        return new FreshBooksSide(client, accounting, tokens);
    }

    /** The configured business among the identity's, else the only one. */
    static Business chooseBusiness(Identity identity, FreshBooksSettings s) {
        List<Business> all = identity.businesses();
        if (s.accountId() != null) {
            return identity.businessByAccountId(s.accountId()).orElseThrow(() -> new ConfigurationException(
                    EnvConfig.FB_ACCOUNT_ID + " " + s.accountId() + " is not among this user's businesses: "
                            + describe(all)));
        }
        if (s.businessId() != null) {
            return identity.businessById(s.businessId()).orElseThrow(() -> new ConfigurationException(
                    EnvConfig.FB_BUSINESS_ID + " " + s.businessId() + " is not among this user's businesses: "
                            + describe(all)));
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new ConfigurationException("this FreshBooks user belongs to " + all.size() + " businesses; set "
                + EnvConfig.FB_ACCOUNT_ID + " to one of: " + describe(all));
    }

    private static String describe(List<Business> all) {
        return all.isEmpty() ? "(none)" : all.stream()
                .map(b -> b.accountId() + " (business " + b.id() + ", " + b.name() + ")")
                .collect(Collectors.joining(", "));
    }
}

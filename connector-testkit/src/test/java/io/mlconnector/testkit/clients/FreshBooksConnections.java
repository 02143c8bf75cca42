package io.mlconnector.testkit.clients;

import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.auth.OAuthTokens;
import io.mlconnector.freshbooks.model.Business;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.time.MutableClock;

/** Real FreshBooks clients pointed at a {@link FreshBooksSandbox}, wired the way a host wires them. */
final class FreshBooksConnections {
    static final CredentialKey KEY = FreshBooksTokenSource.keyFor("acme-freshbooks");

    private FreshBooksConnections() {
    }

    /** The OAuth helper of the sandbox's registered app, both hosts pointed at the sandbox. */
    static FreshBooksOAuth oauth(FreshBooksSandbox fb, MutableClock clock) {
        return FreshBooksOAuth.builder().clientId(fb.clientId()).clientSecret(fb.clientSecret())
                .redirectUri(fb.redirectUri()).apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl()).clock(clock).build();
    }

    /**
     * The whole connect flow: the user consents (sandbox issues a code), the host exchanges it, stores the grant
     * in {@code store}, builds an OAuth client and binds it to the business discovered through identity().
     */
    static FreshBooksClient connect(FreshBooksSandbox fb, MutableClock clock, CredentialStore store) {
        FreshBooksOAuth oauth = oauth(fb, clock);
        OAuthTokens tokens = oauth.exchangeCode(fb.issueAuthorizationCode());
        FreshBooksTokenSource.builder().oauth(oauth).store(store).key(KEY).clock(clock).build().storeGrant(tokens);
        FreshBooksClient unbound = FreshBooksClient.builder().apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl())
                .oauth(oauth, store, KEY).clock(clock).sleeper(new ClockSleeper(clock)).build();
        Business business = unbound.identity().businesses().get(0);
        return unbound.forBusiness(business);
    }
}

package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.auth.OAuthTokens;
import io.mlconnector.freshbooks.model.Business;
import io.mlconnector.freshbooks.model.Identity;
import io.mlconnector.testkit.freshbooks.FreshBooksIdentity;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The FreshBooks OAuth flows of the real client against the sandbox: code exchange, identity discovery, rotation of
 * single-use refresh tokens through {@link FreshBooksTokenSource} and an encrypted credential store, refusal of a
 * reused refresh token.
 */
class FreshBooksOAuthClientTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));

    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.with(FreshBooksSandbox.builder().clock(clock));

    private FreshBooksSandbox fb;
    private InMemoryCredentialStore backing;
    private CredentialStore store;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        backing = new InMemoryCredentialStore();
        store = Credentials.encrypted(backing);
    }

    private FreshBooksTokenSource source(FreshBooksOAuth oauth, CredentialStore where) {
        return FreshBooksTokenSource.builder().oauth(oauth).store(where).key(FreshBooksConnections.KEY).clock(clock)
                .build();
    }

    @Test
    void authorizationCode_exchange_returnsAPairExpiringPerCreatedAtPlusExpiresIn() {
        FreshBooksOAuth oauth = FreshBooksConnections.oauth(fb, clock);

        OAuthTokens tokens = oauth.exchangeCode(fb.issueAuthorizationCode());

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank().isNotEqualTo(tokens.accessToken());
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresAt()).isEqualTo(clock.instant().plusSeconds(43_200));
        assertThat(tokens.scopes()).contains("user:profile:read", "user:bills:read", "user:expenses:write");
        assertThat(fb.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void authorizationCode_isSingleUse_secondExchangeNeedsReauthorization() {
        FreshBooksOAuth oauth = FreshBooksConnections.oauth(fb, clock);
        String code = fb.issueAuthorizationCode();
        oauth.exchangeCode(code);

        assertThatThrownBy(() -> oauth.exchangeCode(code)).isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void identity_discoversAccountIdBusinessIdAndUuid_andTheBoundClientUsesThem() {
        FreshBooksOAuth oauth = FreshBooksConnections.oauth(fb, clock);
        source(oauth, store).storeGrant(oauth.exchangeCode(fb.issueAuthorizationCode()));
        FreshBooksClient unbound = FreshBooksClient.builder().apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl())
                .oauth(oauth, store, FreshBooksConnections.KEY).clock(clock).build();

        Identity me = unbound.identity();

        FreshBooksIdentity expected = fb.identity();
        assertThat(me.effectiveIdentityId()).isEqualTo(expected.identityId());
        assertThat(me.email()).isEqualTo(expected.email());
        List<Business> businesses = me.businesses();
        assertThat(businesses).hasSize(1);
        Business b = businesses.get(0);
        assertThat(b.accountId()).isEqualTo(expected.accountId());
        assertThat(b.id()).isEqualTo(expected.businessId());
        assertThat(b.businessUuid()).isEqualTo(expected.businessUuid());
        assertThat(me.businessByAccountId(expected.accountId())).contains(b);
        // the membership id is not the business id (api/freshbooks.md §1.6)
        assertThat(me.businessMemberships().get(0).id()).isNotEqualTo(expected.businessId());

        FreshBooksClient acme = unbound.forBusiness(b);
        assertThat(acme.accountId()).isEqualTo(expected.accountId());
        assertThat(acme.businessId()).isEqualTo(expected.businessId());
        assertThat(acme.businessUuid()).isEqualTo(expected.businessUuid());
        fb.seed().expenseCategory("Concrete");
        fb.seed().project("Tower A", null);
        assertThat(acme.expenseCategories().list().map(c -> c.name())).containsExactly("Concrete");
        assertThat(acme.projects().list(io.mlconnector.freshbooks.query.ProjectQuery.create()).map(p -> p.title()))
                .containsExactly("Tower A");
    }

    @Test
    void expiredAccessToken_rotatesTheRefreshToken_andPersistsTheNewPairEncrypted() {
        FreshBooksOAuth oauth = FreshBooksConnections.oauth(fb, clock);
        OAuthTokens first = oauth.exchangeCode(fb.issueAuthorizationCode());
        source(oauth, store).storeGrant(first);
        FreshBooksClient client = FreshBooksClient.builder().apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl())
                .oauth(oauth, store, FreshBooksConnections.KEY).accountId(fb.identity().accountId()).clock(clock)
                .build();
        fb.seed().expenseCategory("Fuel");
        assertThat(client.expenseCategories().list()).hasSize(1);
        assertThat(fb.refreshRequestCount()).isZero();

        clock.advance(Duration.ofHours(12).plusMinutes(1)); // the 12-hour access token is dead
        assertThat(client.expenseCategories().list()).hasSize(1);

        assertThat(fb.refreshRequestCount()).isEqualTo(1);
        assertThat(fb.successfulRefreshCount()).isEqualTo(1);
        OAuthTokens stored = source(oauth, store).storedGrant().orElseThrow();
        assertThat(stored.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(stored.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().plusSeconds(43_200));
        StoredCredential raw = backing.load(FreshBooksConnections.KEY).orElseThrow();
        String onDisk = new String(raw.value(), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain(stored.refreshToken()).doesNotContain(stored.accessToken())
                .doesNotContain("refresh_token");
        // the stored refresh token is the live one: it rotates once more; the first one is dead
        assertThat(oauth.refresh(stored.refreshToken()).refreshToken()).isNotBlank();
        assertThatThrownBy(() -> oauth.refresh(first.refreshToken()))
                .isInstanceOf(ReauthorizationRequiredException.class);
    }

    @Test
    void reusedRefreshToken_isRefusedBySandbox_andTheStaleCopyNeedsReauthorization() {
        FreshBooksOAuth oauth = FreshBooksConnections.oauth(fb, clock);
        OAuthTokens first = oauth.exchangeCode(fb.issueAuthorizationCode());
        source(oauth, store).storeGrant(first);
        // a second node restored from an old backup: same grant, its own store
        CredentialStore backup = Credentials.encrypted(new InMemoryCredentialStore());
        FreshBooksTokenSource stale = source(oauth, backup);
        stale.storeGrant(first);
        clock.advance(Duration.ofHours(13));

        source(oauth, store).fetchToken(); // the live node rotates: the first refresh token is now used up
        assertThat(fb.successfulRefreshCount()).isEqualTo(1);

        assertThatThrownBy(stale::fetchToken).isInstanceOf(ReauthorizationRequiredException.class);
        assertThat(fb.refreshRequestCount()).isEqualTo(2);
        assertThat(fb.successfulRefreshCount()).isEqualTo(1);
        // the dead token is remembered: asking again fails without another round trip
        assertThatThrownBy(stale::fetchToken).isInstanceOf(ReauthorizationRequiredException.class);
        assertThat(fb.refreshRequestCount()).isEqualTo(2);
    }

    @Test
    void revoke_killsTheRefreshTokenAndTheAppsAccessTokens() {
        FreshBooksOAuth oauth = FreshBooksConnections.oauth(fb, clock);
        OAuthTokens tokens = oauth.exchangeCode(fb.issueAuthorizationCode());
        source(oauth, store).storeGrant(tokens);
        FreshBooksClient client = FreshBooksClient.builder().apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl())
                .oauth(oauth, store, FreshBooksConnections.KEY).accountId(fb.identity().accountId()).clock(clock)
                .build();
        assertThat(client.expenseCategories().list()).isEmpty();

        oauth.revoke(tokens.refreshToken());

        assertThatThrownBy(() -> oauth.refresh(tokens.refreshToken()))
                .isInstanceOf(ReauthorizationRequiredException.class);
        assertThatThrownBy(() -> client.expenseCategories().list().toList())
                .isInstanceOf(ReauthorizationRequiredException.class);
    }

    @Test
    void revokedAccessToken_answers401_andTheClientRefreshesOnceAndRetries() {
        FreshBooksClient client = FreshBooksConnections.connect(fb, clock, store);
        fb.seed().billVendor("Rebar Inc");
        assertThat(client.billVendors().list(io.mlconnector.freshbooks.query.SearchQuery.create())).hasSize(1);

        fb.revokeAccessTokens();
        long before = fb.requestLog().total();

        assertThat(client.billVendors().list(io.mlconnector.freshbooks.query.SearchQuery.create())).hasSize(1);
        assertThat(fb.successfulRefreshCount()).isEqualTo(1);
        assertThat(fb.requestLog().total() - before).isEqualTo(3); // 401, token refresh, retried list
    }

    @Test
    void userDisconnectedTheApp_everyTokenRevoked_surfacesReauthorizationRequired() {
        FreshBooksClient client = FreshBooksConnections.connect(fb, clock, store);
        fb.revokeAllTokens();

        assertThatThrownBy(() -> client.expenseCategories().list().toList())
                .isInstanceOf(ReauthorizationRequiredException.class);
        assertThat(fb.refreshRequestCount()).isEqualTo(1);
    }
}

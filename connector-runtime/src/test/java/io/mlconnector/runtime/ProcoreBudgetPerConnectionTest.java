package io.mlconnector.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: each connection's Procore rate budget is its own. Procore gives a service account a budget per company
 * ({@code Procore-Company-Id}, api/procore.md §5.2); {@link MlConnector} wires a Procore client, and so a rate limiter,
 * per connection: one connection that exhausted its budget is refused at once, while another connection's calls go
 * through without waiting.
 */
class ProcoreBudgetPerConnectionTest {
    private FreshBooksSandbox fb;
    private ProcoreSandbox pc;
    private MlConnector connector;

    @BeforeEach
    void setUp() {
        fb = FreshBooksSandbox.builder().build().start();
        pc = ProcoreSandbox.builder().hourlyLimit(3).build().start();
    }

    @AfterEach
    void tearDown() {
        if (connector != null) {
            connector.close();
        }
        fb.close();
        pc.close();
    }

    @Test
    void oneConnectionsExhaustedBudget_neverDelaysAnotherConnectionsCalls() {
        Company acme = pc.seed().company("Acme GC");
        Company bravo = pc.seed().company("Bravo Builders");
        pc.seed().project(acme.id(), "Tower");
        pc.seed().project(bravo.id(), "Harbor");
        connector = MlConnector.builder().keys(StaticKeyProvider.of(EncryptionKey.aes256("k1", new byte[32])))
                .freshBooks(FreshBooksApp.of(fb.clientId(), fb.clientSecret(), fb.redirectUri())
                        .at(fb.baseUrl(), fb.baseUrl()))
                .procore(ProcoreServiceAccount.of(pc.clientId(), pc.clientSecret()).at(pc.baseUrl(), pc.baseUrl()))
                .retryPolicy(RetryPolicy.none()).credentialStore(new InMemoryCredentialStore())
                .mappingStore(new InMemoryMappingStore()).stateStore(new InMemorySyncStateStore())
                .auditSink(new InMemoryAuditLog()).build();
        connector.addConnection(ConnectionSettings.builder("acme").freshBooksAccount(fb.identity().accountId(),
                fb.identity().businessId()).procoreCompany(acme.id()).procoreWebhookSecret("a-secret")
                .freshBooksAuthorizationCode(fb.issueAuthorizationCode()).build());
        connector.addConnection(ConnectionSettings.builder("bravo").freshBooksAccount("BRAVO1", 77)
                .procoreCompany(bravo.id()).procoreWebhookSecret("b-secret")
                .freshBooksAuthorizationCode(fb.issueAuthorizationCode()).build());
        ProcoreClient a = connector.procore("acme");
        ProcoreClient b = connector.procore("bravo");
        assertThat(a.rateLimiter()).as("a limiter per connection").isNotSameAs(b.rateLimiter());

        for (int i = 0; i < 3; i++) {
            a.projects().list(ListOptions.defaults()).count();
        }
        assertThat(a.rateLimiter().budget()).hasValueSatisfying(budget -> assertThat(budget.remaining()).isZero());
        long answeredBefore = pc.requestLog().total();
        assertThatThrownBy(() -> a.projects().list(ListOptions.defaults()).count())
                .as("acme's budget is spent until the hour resets: refused at once, nothing sent")
                .isInstanceOf(RateLimitedException.class);
        assertThat(pc.requestLog().total()).isEqualTo(answeredBefore);

        assertThat(b.projects().list(ListOptions.defaults()).count()).isEqualTo(1);
        assertThat(b.rateLimiter().budget()).hasValueSatisfying(budget -> assertThat(budget.remaining())
                .isEqualTo(2));
    }
}

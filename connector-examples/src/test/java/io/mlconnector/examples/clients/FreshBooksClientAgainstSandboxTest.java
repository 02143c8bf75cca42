package io.mlconnector.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.auth.OAuthTokens;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookVerifier;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.BillVendor;
import io.mlconnector.testkit.freshbooks.ExpenseCategory;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.freshbooks.Project;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real FreshBooks client and adapter against the FreshBooks sandbox (issue 5's client checks). */
class FreshBooksClientAgainstSandboxTest {
    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.create();

    private FreshBooksSandbox fb;
    private FreshBooksOAuth oauth;
    private FreshBooksTokenSource tokens;
    private FreshBooksClient client;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        oauth = FreshBooksOAuth.builder().clientId(fb.clientId()).clientSecret(fb.clientSecret())
                .redirectUri(fb.redirectUri()).apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl()).build();
        tokens = FreshBooksTokenSource.builder().oauth(oauth).store(new InMemoryCredentialStore())
                .key(FreshBooksTokenSource.keyFor("acme")).build();
        tokens.storeGrant(oauth.exchangeCode(fb.issueAuthorizationCode()));
        client = FreshBooksClient.builder().apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl()).tokenSource(tokens)
                .accountId(fb.identity().accountId()).businessId(fb.identity().businessId()).build();
    }

    @Test
    void happyPath_identity_bill_expense_andBudget() {
        ExpenseCategory concrete = fb.seed().expenseCategory("Cast-in-Place Concrete");
        BillVendor vendor = fb.seed().billVendor("Rebar & Concrete Supply Co");
        Project tower = fb.seed().project("Harbor Tower", new BigDecimal("1000.00"));
        var bill = fb.seed().bill(vendor.id(), LocalDate.of(2026, 3, 2), "INV-1", List.of(
                BillLine.of(concrete.id(), "Ready-mix", "2", "150.25"), BillLine.of(concrete.id(), "Rebar", "1", "99.50")));
        FreshBooksAccountingSystem accounting = FreshBooksAccountingSystem.builder().client(client).build();

        assertThat(client.identity().businessByAccountId(fb.identity().accountId())).isPresent();
        SourceDocument doc = accounting.fetchBill(Long.toString(bill.id()));
        assertThat(doc.number()).isEqualTo("INV-1");
        assertThat(doc.counterparty()).isEqualTo(ExternalRef.of("freshbooks", "vendor", vendor.id()));
        assertThat(doc.lines()).hasSize(2);
        assertThat(doc.total().amount()).isEqualByComparingTo("400.00");

        ExternalRef project = ExternalRef.of("freshbooks", "project", tower.id());
        ExpenseEntry created = accounting.createExpense(new ExpenseEntry(null, "pc:1:change_order:7:" + concrete.id(),
                ExternalRef.of("freshbooks", "category", concrete.id()), project, null,
                Money.of("125.00", "USD"), LocalDate.of(2026, 3, 3), "Procore", "change order 7"));
        assertThat(accounting.findExpenseByMarker("pc:1:change_order:7:" + concrete.id(), project))
                .map(ExpenseEntry::ref).contains(created.ref());
        assertThat(fb.expenses()).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualByComparingTo("125.00");
            assertThat(e.notes()).contains("[mlc:pc:1:change_order:7:" + concrete.id() + "]");
        });

        // Harbor Tower is billed at a fixed price: that price moves, its budget (hours) is never written
        String hoursBefore = fb.project(tower.id()).orElseThrow().budget();
        assertThat(accounting.fetchProjectPricing(project).fixedPriceBilling()).isTrue();
        accounting.updateProjectFixedPrice(project, Money.of("748000.00", "USD"));
        assertThat(new BigDecimal(fb.project(tower.id()).orElseThrow().fixedPrice())).isEqualByComparingTo("748000.00");
        assertThat(fb.project(tower.id()).orElseThrow().budget()).isEqualTo(hoursBefore);
    }

    @Test
    void reusedRefreshToken_isRefused() {
        OAuthTokens first = oauth.exchangeCode(fb.issueAuthorizationCode());
        OAuthTokens second = oauth.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());

        assertThatThrownBy(() -> oauth.refresh(first.refreshToken()))
                .isInstanceOf(ReauthorizationRequiredException.class);
        assertThat(oauth.refresh(second.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void revokedAccessToken_getsOneRefreshAndTheCallSucceeds() {
        client.identity();
        fb.revokeAccessTokens();

        assertThat(client.identity().businesses()).isNotEmpty();
        assertThat(fb.successfulRefreshCount()).isEqualTo(1);
    }

    @Test
    void signedWebhookDeliveredByTheSandbox_verifiesWithTheClientsVerifier() throws Exception {
        try (WebhookInbox inbox = new WebhookInbox()) {
            var callback = fb.registerCallback("bill", inbox.url());
            BillVendor vendor = fb.seed().billVendor("Bright Spark Electric");
            ExpenseCategory electrical = fb.seed().expenseCategory("Electrical");

            var bill = fb.act().bill(vendor.id(), BillLine.of(electrical.id(), "Rough-in", "1", "10.00"));

            WebhookRequest delivered = inbox.next(Duration.ofSeconds(5));
            FreshBooksWebhookVerifier.of(callback.verifier()).verify(delivered);
            InboundEvent event = new FreshBooksWebhookParser().parse(delivered);
            assertThat(event.routingKey()).isEqualTo(fb.identity().accountId());
            assertThat(event.subject()).isEqualTo(ExternalRef.of("freshbooks", "bill", bill.id()));
            assertThat(event.action()).isEqualTo("create");
            assertThatThrownBy(() -> FreshBooksWebhookVerifier.of("another-verifier-value").verify(delivered))
                    .isInstanceOf(WebhookVerificationException.class);
            WebhookRequest tampered = new WebhookRequest(delivered.headers(),
                    delivered.bodyAsString().replace("object_id=" + bill.id(), "object_id=1").getBytes());
            assertThatThrownBy(() -> FreshBooksWebhookVerifier.of(callback.verifier()).verify(tampered))
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void storedGrant_isReusedByARestartedNode_withoutAnotherRefresh() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        FreshBooksTokenSource first = FreshBooksTokenSource.builder().oauth(oauth).store(store)
                .key(FreshBooksTokenSource.keyFor("acme")).build();
        first.storeGrant(oauth.exchangeCode(fb.issueAuthorizationCode()));
        clientWith(first).identity();
        FreshBooksTokenSource restarted = FreshBooksTokenSource.builder().oauth(oauth).store(store)
                .key(FreshBooksTokenSource.keyFor("acme")).build();

        clientWith(restarted).identity();

        assertThat(fb.refreshRequestCount()).isZero();
    }

    private FreshBooksClient clientWith(FreshBooksTokenSource source) {
        return FreshBooksClient.builder().apiBaseUrl(fb.baseUrl()).tokenSource(source)
                .accountId(fb.identity().accountId()).businessId(fb.identity().businessId()).build();
    }
}

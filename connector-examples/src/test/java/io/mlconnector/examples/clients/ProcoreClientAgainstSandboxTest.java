package io.mlconnector.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.LineItemType;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.TriggerSpec;
import io.mlconnector.testkit.procore.Vendor;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Procore client and adapter against the Procore sandbox (issue 5's client checks). */
class ProcoreClientAgainstSandboxTest {
    private static final Duration LIFETIME = Duration.ofSeconds(5400);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));
    private ProcoreSandbox pc;
    private Company company;
    private ProcoreProject tower;
    private Vendor vendor;

    @BeforeEach
    void setUp() {
        pc = ProcoreSandbox.builder().clock(clock).tokenLifetime(LIFETIME).build().start();
        company = pc.seed().company("Harbor Point Builders");
        tower = pc.seed().project(company.id(), "Harbor Tower");
        vendor = pc.seed().vendor(company.id(), "Bright Spark Electric");
        LineItemType sub = pc.seed().lineItemType(company.id(), "Subcontract", "S", "commitment");
        CostCode electrical = pc.seed().costCode(tower.id(), "16-100", "Electrical");
        pc.seed().commitment(tower.id(), vendor.id(), SovLine.of(electrical.id(), sub.id(), "Electrical", "1000.00"));
    }

    @AfterEach
    void tearDown() {
        pc.close();
    }

    private ProcoreClient client(Clock clientClock) {
        return ProcoreClient.builder().apiBaseUrl(pc.baseUrl()).loginBaseUrl(pc.baseUrl()).clientId(pc.clientId())
                .clientSecret(pc.clientSecret()).companyId(company.id()).clock(clientClock).build();
    }

    @Test
    void happyPath_companyProjectsVendorsCostCodesCommitment() {
        ProcoreClient client = client(clock);
        ProjectRef ref = new ProjectRef(company.id(), tower.id());

        assertThat(client.tokenInfo().application().uid()).isEqualTo(pc.clientId());
        assertThat(client.companies().list().map(c -> c.id()).toList()).contains(company.id());
        assertThat(client.projects().list(ListOptions.defaults()).map(p -> p.name()).toList())
                .containsExactly("Harbor Tower");
        assertThat(client.vendors().list(ListOptions.defaults()).map(v -> v.name()).toList())
                .containsExactly("Bright Spark Electric");
        assertThat(client.costCodes().list(ref, ListOptions.defaults()).map(c -> c.fullCode()).toList())
                .contains("16-100");
        Commitment commitment = ProcoreProjectSystem.builder(client).build()
                .findCommitment(ref, Long.toString(vendor.id())).orElseThrow();
        assertThat(commitment.vendorId()).isEqualTo(Long.toString(vendor.id()));
        assertThat(commitment.lines()).singleElement()
                .satisfies(l -> assertThat(l.costCode()).isEqualTo("16-100"));
    }

    @Test
    void projectOfAnotherCompany_isRefusedBeforeAnyProjectCall() {
        Company other = pc.seed().company("Someone Else Inc");
        ProcoreProject foreign = pc.seed().project(other.id(), "Not ours");
        ProcoreClient client = client(clock);

        assertThatThrownBy(() -> client.validateProject(new ProjectRef(company.id(), foreign.id())))
                .isInstanceOf(io.mlconnector.core.port.InvalidProjectException.class);
    }

    @Test
    void expiredToken_gets401_thenIsRenewed() {
        // the connector's clock stands still (a suspended VM, a skewed host) while Procore's runs past the expiry
        MutableClock connectorClock = MutableClock.at(clock.instant());
        ProcoreClient client = client(connectorClock);
        client.companies().list().toList();
        assertThat(pc.tokenRequestCount()).isEqualTo(1);

        clock.advance(LIFETIME.plusSeconds(1));

        assertThat(client.companies().list().map(c -> c.id()).toList()).contains(company.id());
        assertThat(pc.tokenRequestCount()).isEqualTo(2);
        assertThat(pc.requestLog().entries(r -> r.status() == 401)).hasSize(1);
        assertThat(client.tokens().refreshCount()).isEqualTo(2);
    }

    @Test
    void webhookDeliveredByTheSandbox_carriesOurSecretAndParses() throws Exception {
        try (WebhookInbox inbox = new WebhookInbox()) {
            pc.registerHook(company.id(), null, inbox.url(),
                    Map.of("Authorization", ProcoreWebhookVerifier.headerValue("hook-secret-123")),
                    List.of(new TriggerSpec("Company Vendors", "update")));

            pc.updateVendor(vendor.id(), Map.of("name", "Bright Spark Electric LLC"));

            WebhookRequest delivered = inbox.next(Duration.ofSeconds(5));
            ProcoreWebhookVerifier.builder().secret("hook-secret-123").build().verify(delivered);
            assertThatThrownBy(() -> ProcoreWebhookVerifier.builder().secret("another-secret").build().verify(delivered))
                    .isInstanceOf(WebhookVerificationException.class);
            InboundEvent event = new ProcoreWebhookParser().parse(delivered);
            assertThat(event.routingKey()).isEqualTo(Long.toString(company.id()));
            assertThat(event.subject().type()).isEqualTo("vendor");
            assertThat(event.subject().id()).isEqualTo(Long.toString(vendor.id()));
            assertThat(event.eventId()).isNotBlank();
        }
    }
}

package io.mlconnector.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.sync.alignment.AlignmentItem;
import io.mlconnector.core.sync.alignment.AlignmentKind;
import io.mlconnector.core.sync.alignment.AlignmentReport;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import io.mlconnector.runtime.ConnectionSettings;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.spring.boot.MlConnectorLifecycle;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.BillVendor;
import io.mlconnector.testkit.freshbooks.ExpenseCategory;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.procore.Commitment;
import io.mlconnector.testkit.procore.CommitmentType;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.LineItemType;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.Vendor;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample app against the sandboxes, over HTTP: a contractor onboards (as the app's OAuth redirect handler would),
 * FreshBooks' signed bill webhook reaches the starter's endpoint on the app's port, and the bill is posted as a
 * requisition in the Procore sandbox; Procore's hooks are checked against the connection's secret; the operator
 * console is served under {@code /console/} with its API behind the operator token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BillWebhookToRequisitionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HOOK_SECRET = "procore-hook-secret-" + UUID.randomUUID();

    @RegisterExtension
    static final FreshBooksSandboxExtension FB = FreshBooksSandboxExtension.create();
    @RegisterExtension
    static final ProcoreSandboxExtension PC = ProcoreSandboxExtension.create();

    @LocalServerPort
    int port;
    @Autowired
    MlConnector connector;
    @Autowired
    MlConnectorLifecycle lifecycle;

    @DynamicPropertySource
    static void sandboxes(DynamicPropertyRegistry registry) {
        Sandboxes.register(registry, FB.sandbox(), PC.sandbox());
        // polls only at start and hourly: the bill below can only arrive by its webhook
        registry.add("mlconnector.policy.poll-interval", () -> "1h");
    }

    @Test
    void aSignedBillWebhook_overHttp_becomesARequisitionInProcore() throws Exception {
        FreshBooksSandbox fb = FB.sandbox();
        ProcoreSandbox pc = PC.sandbox();
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        ExpenseCategory electrical = fb.seed().expenseCategory("Electrical");
        BillVendor fbVendor = fb.seed().billVendor("Bright Spark Electric");
        Company company = pc.seed().company("Harbor Point Builders");
        ProcoreProject tower = pc.seed().project(company.id(), "Harbor Tower");
        fb.seed().fixedPriceProject("Harbor Tower", fb.seed().client("Harbor Point Development").id(),
                new BigDecimal("700000.00"));
        LineItemType sub = pc.seed().lineItemType(company.id(), "Subcontract", "S", "commitment");
        CostCode code16 = pc.seed().costCode(tower.id(), "16-100", "Electrical");
        Vendor vendor = pc.seed().vendor(company.id(), "Bright Spark Electric");
        Commitment subcontract = pc.seed().commitment(tower.id(), vendor.id(), CommitmentType.WORK_ORDER,
                "SC-002 Electrical", SovLine.of(code16.id(), sub.id(), "Electrical rough-in", "180000.00"));
        YearMonth month = YearMonth.from(today);
        pc.seed().billingPeriod(tower.id(), month.atDay(1), month.atEndOfMonth());
        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(lifecycle.usesOwnScheduler()).as("the sample enables scheduling: the app's scheduler").isFalse();

        // the app's FreshBooks OAuth redirect handler: the contractor's connection, then its reference data confirmed
        connector.addConnection(ConnectionSettings.builder("acme")
                .freshBooksAccount(fb.identity().accountId(), fb.identity().businessId())
                .freshBooksAuthorizationCode(fb.issueAuthorizationCode())
                .procoreCompany(company.id()).procoreWebhookSecret(HOOK_SECRET).build());
        for (int round = 0; round < 2; round++) {
            AlignmentReport report = connector.engine().alignReferenceData("acme");
            for (AlignmentKind kind : AlignmentKind.values()) {
                for (AlignmentItem s : report.of(kind).suggested()) {
                    connector.mappings().put(Mapping.confirmed("acme", kind.mappingKind(), s.accountingId(),
                            s.projectSystemId()));
                }
            }
        }
        connector.mappings().put(Mapping.confirmed("acme", MappingKind.VENDOR_PROJECT,
                Long.toString(fbVendor.id()), Long.toString(tower.id())));

        // FreshBooks' callback points at the starter's endpoint; its verification handshake comes in over HTTP
        connector.freshBooks("acme").callbacks().create("bill", "http://127.0.0.1:" + port + "/webhooks/freshbooks");
        await().atMost(WAIT).until(() -> connector.callbackVerifiers("acme").size() == 1);

        fb.act().bill(fbVendor.id(), today, "BSE-1001",
                List.of(BillLine.of(electrical.id(), "Rough-in, level 3", "1", "14250.00")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(pc.requisitions(tower.id())).singleElement()
                .satisfies(r -> {
                    assertThat(r.commitmentId()).isEqualTo(subcontract.id());
                    assertThat(r.invoiceNumber()).isEqualTo("BSE-1001");
                    assertThat(r.totalClaimed()).isEqualByComparingTo("14250.00");
                }));

        // Procore's hooks: the engine's answer comes back as it is, 200 with the secret, 401 without
        String event = "{\"id\":7,\"ulid\":\"01HXSAMPLE\",\"timestamp\":\"2024-05-15T12:00:00Z\",\"metadata\":"
                + "{\"source_user_id\":1,\"source_project_id\":" + tower.id() + ",\"source_company_id\":"
                + company.id() + ",\"source_application_id\":null},\"user_id\":1,\"company_id\":" + company.id()
                + ",\"project_id\":" + tower.id() + ",\"api_version\":\"v2.0\",\"event_type\":\"update\","
                + "\"resource_name\":\"Direct Costs\",\"resource_id\":9}";
        HttpResponse<String> accepted = postProcore(event, ProcoreWebhookVerifier.headerValue(HOOK_SECRET));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("{\"status\":\"queued\"}");
        assertThat(postProcore(event, ProcoreWebhookVerifier.headerValue("not-the-secret")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theOperatorConsole_isServedUnderConsole_itsApiWithTheOperatorToken() throws Exception {
        HttpResponse<String> bare = get("/console", null);
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).contains("/console/");
        HttpResponse<String> page = get("/console/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("'self'");

        assertThat(get("/console/api/connections", null).statusCode()).isEqualTo(401);
        assertThat(get("/console/api/connections", "not-the-token-but-long-enough").statusCode()).isEqualTo(401);
        HttpResponse<String> connections = get("/console/api/connections", Sandboxes.OPERATOR_TOKEN);
        assertThat(connections.statusCode()).isEqualTo(200);
        assertThat(connections.body()).startsWith("{\"connections\":[");
        HttpResponse<String> health = get("/console/api/health", Sandboxes.OPERATOR_TOKEN);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"health\"");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postProcore(String body, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/webhooks/procore"))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

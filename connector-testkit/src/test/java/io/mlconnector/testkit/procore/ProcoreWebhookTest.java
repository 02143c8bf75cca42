package io.mlconnector.testkit.procore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.testkit.server.DeliveryOutcome;
import io.mlconnector.testkit.server.WebhookDelivery;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
import io.mlconnector.testkit.support.WebhookReceiver;
import io.mlconnector.testkit.support.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProcoreWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder()
        .webhookRetryPolicy(WebhookRetryPolicy.fast(Duration.ofMillis(50), 0)));

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final ObjectMapper mapper = new ObjectMapper();
    private ProcoreSandbox pc;
    private TestHttp http;
    private String[] auth;
    private Company acme;
    private ProcoreProject tower;

    @BeforeEach
    void setUp() {
        pc = ext.sandbox();
        http = new TestHttp(pc.baseUrl());
        acme = pc.seed().company("Acme");
        tower = pc.seed().project(acme.id(), "Tower");
        auth = new String[] {"Authorization", "Bearer " + pc.issueToken(), "Procore-Company-Id",
            Long.toString(acme.id())};
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private JsonNode json(Received r) throws Exception {
        return mapper.readTree(r.body());
    }

    @Test
    void hookCreatedThroughApi_deliversV2PayloadWithDestinationHeaders_andApiChangesCarryTheClientId()
        throws Exception {
        Resp hook = http.postJson("/rest/v1.0/webhooks/hooks", "{\"company_id\":" + acme.id() + ",\"hook\":{"
            + "\"api_version\":\"v2\",\"namespace\":\"ml-connector\",\"destination_url\":\"" + receiver.url("/pc")
            + "\",\"destination_headers\":{\"Authorization\":\"Bearer s3cret-hook-token\"}}}", auth);
        assertThat(hook.status()).isEqualTo(201);
        assertThat(hook.json().path("destination_headers").path("Authorization").asText()).endsWith("token")
            .doesNotContain("s3cret");
        long hookId = hook.json().path("id").asLong();
        Resp trigger = http.postJson("/rest/v1.0/webhooks/hooks/" + hookId + "/triggers", "{\"company_id\":"
            + acme.id() + ",\"api_version\":\"v2\",\"trigger\":{\"resource_name\":\"Company Vendors\","
            + "\"event_type\":\"create\"}}", auth);
        assertThat(trigger.status()).isEqualTo(201);

        Resp vendor = http.postJson("/rest/v1.0/vendors", "{\"company_id\":" + acme.id()
            + ",\"vendor\":{\"name\":\"Via API\"}}", auth);
        Received r = receiver.next(WAIT);

        assertThat(r.header("Authorization")).isEqualTo("Bearer s3cret-hook-token");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode event = json(r);
        assertThat(event.path("resource_name").asText()).isEqualTo("Company Vendors");
        assertThat(event.path("event_type").asText()).isEqualTo("create");
        assertThat(event.path("resource_id").asLong()).isEqualTo(vendor.json().path("id").asLong());
        assertThat(event.path("company_id").asLong()).isEqualTo(acme.id());
        assertThat(event.path("project_id").isNull()).isTrue();
        assertThat(event.path("id").isIntegralNumber()).isTrue();
        assertThat(event.path("ulid").asText()).hasSize(26);
        assertThat(event.path("user_id").asLong()).isEqualTo(pc.serviceAccountUserId());
        assertThat(event.path("metadata").path("source_application_id").asText()).isEqualTo(pc.clientId());

        pc.act().vendor(acme.id(), "Via UI");
        JsonNode ui = json(receiver.next(WAIT));
        assertThat(ui.path("metadata").path("source_application_id").isNull()).isTrue();
        assertThat(ui.path("user_id").asLong()).isEqualTo(pc.uiUserId());

        await().atMost(WAIT).until(() -> pc.webhookDeliveries().size() == 2);
        JsonNode deliveries = http.get("/rest/v1.0/webhooks/hooks/" + hookId + "/deliveries?company_id="
            + acme.id() + "&filters[status]=successful", auth).json();
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).path("outcome").asText()).isEqualTo("ok");
        assertThat(deliveries.get(0).path("event").path("resource_name").asText()).isEqualTo("Company Vendors");
    }

    @Test
    void failingReceiver_isRetriedWithBackoff_thenSucceeds_andBlocksTheQueueMeanwhile() throws Exception {
        Commitment po = pc.seed().commitment(tower.id(), pc.seed().vendor(acme.id(), "V").id(),
            CommitmentType.PURCHASE_ORDER, "PO");
        ChangeOrderPackage co = pc.seed().changeOrderPackage(tower.id(), po.id(), "CO-1", "pending");
        pc.registerHook(acme.id(), tower.id(), receiver.url("/pc"), Map.of("Authorization", "Bearer abc"),
            List.of(TriggerSpec.of("Change Order Packages", "update")));
        receiver.failNext(2, 500);

        pc.approveChangeOrder(co.id());
        pc.changeOrderStatus(co.id(), "approved");

        JsonNode first = json(receiver.next(WAIT));
        JsonNode second = json(receiver.next(WAIT));
        assertThat(first.path("resource_id").asLong()).isEqualTo(co.id());
        assertThat(first.path("project_id").asLong()).isEqualTo(tower.id());
        assertThat(first.path("id").asLong()).isLessThan(second.path("id").asLong());
        assertThat(receiver.all()).hasSize(4);
        await().atMost(WAIT).until(() -> pc.webhookDeliveries().size() == 4);
        List<WebhookDelivery> attempts = pc.webhookDeliveries();
        assertThat(attempts).extracting(WebhookDelivery::outcome).containsExactly(DeliveryOutcome.RETRIED,
            DeliveryOutcome.RETRIED, DeliveryOutcome.OK, DeliveryOutcome.OK);
        assertThat(attempts.get(0).responseStatus()).isEqualTo(500);
        assertThat(attempts.get(2).attempt()).isEqualTo(3);
        assertThat(attempts.get(2).requestHeaders()).containsEntry("Authorization", "Bearer abc");
    }

    @Test
    void receiverThatNeverRecovers_isDiscardedAfterMaxAttempts() {
        pc.webhookRetryPolicy(WebhookRetryPolicy.fast(Duration.ofMillis(20), 3));
        pc.registerHook(acme.id(), null, receiver.url("/pc"), Map.of(),
            List.of(TriggerSpec.of("Projects", "update")));
        receiver.failNext(100, 503);

        pc.updateProject(tower.id(), Map.of("name", "Tower 1"));
        pc.updateProject(tower.id(), Map.of("name", "Tower 2"));

        await().atMost(WAIT).until(() -> pc.webhookDeliveries().stream()
            .anyMatch(d -> d.outcome() == DeliveryOutcome.FAILED));
        await().atMost(WAIT).until(() -> pc.webhookDeliveries().stream()
            .filter(d -> d.outcome() == DeliveryOutcome.DISCARDED).count() == 1);
        assertThat(pc.webhookDeliveries()).filteredOn(d -> d.outcome() == DeliveryOutcome.RETRIED).hasSize(2);
    }

    @Test
    void slowReceiver_timesOut_andIsRetried() throws Exception {
        pc.webhookTimeout(Duration.ofMillis(200));
        try (WebhookReceiver slow = WebhookReceiver.hanging()) {
            pc.registerHook(acme.id(), null, slow.url("/slow"), Map.of(),
                List.of(TriggerSpec.of("Company Vendors", "create")));
            pc.act().vendor(acme.id(), "Slow");
            await().atMost(WAIT).until(() -> pc.webhookDeliveries().stream()
                .anyMatch(d -> d.outcome() == DeliveryOutcome.RETRIED && d.error() != null));
        }
    }
}

package io.mlconnector.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import io.mlconnector.examples.demo.DemoContractor;
import io.mlconnector.examples.demo.DemoEnvironment;
import io.mlconnector.testkit.freshbooks.Bill;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.procore.Requisition;
import io.mlconnector.testkit.server.WebhookDelivery;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example host over real HTTP on loopback, wired to both sandboxes with the real clients and engine; the engine
 * runs on the host's scheduler as in production.
 */
class ExampleHostTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ObjectMapper json = new ObjectMapper();

    private DemoEnvironment env;
    private DemoContractor c;
    private HostHttp http;

    @BeforeEach
    void setUp() throws Exception {
        env = DemoEnvironment.builder().build();
        env.align();
        env.registerWebhooks();
        c = env.contractor();
        http = new HostHttp(env.host().baseUrl(), env.config().admin().token().reveal());
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private String conn() {
        return env.runtime().connectionId();
    }

    @Test
    void signedFreshBooksWebhook_becomesARequisitionInProcore() {
        env.startEngine();

        Bill bill = env.freshBooks().act().bill(c.fbRebar().id(), env.today(), "INV-1", List.of(
                BillLine.of(c.concrete().id(), "Ready-mix", "10", "164.50"),
                BillLine.of(c.concrete().id(), "Rebar", "1", "1380.00")));

        await().atMost(WAIT).until(() -> env.procore().requisitions(c.harborTower().id()).size() == 1);
        Requisition r = env.procore().requisitions(c.harborTower().id()).get(0);
        assertThat(r.originId()).isEqualTo(env.originId("bill", bill.id()));
        assertThat(r.commitmentId()).isEqualTo(c.rebarPo().id());
        assertThat(r.totalClaimed()).isEqualByComparingTo("3025.00");
        assertThat(env.procore().requisitionItems(r.id())).singleElement().satisfies(item ->
                assertThat(new java.math.BigDecimal(item.path("work_completed_this_period").asText()))
                        .isEqualByComparingTo("3025.00"));
        WebhookDelivery delivered = env.freshBooks().webhookDeliveries().stream()
                .filter(d -> d.event().equals("bill.create")).findFirst().orElseThrow();
        assertThat(delivered.responseStatus()).isEqualTo(200);
        assertThat(delivered.responseBody()).contains("queued");
    }

    @Test
    void badSignature_is401_andNothingIsQueued() throws Exception {
        String body = "name=bill.create&object_id=42&account_id=" + env.freshBooks().identity().accountId()
                + "&business_id=6543&identity_id=1234&user_id=1";

        HttpResponse<String> forged = http.post("/webhooks/freshbooks", Map.of("Content-Type",
                "application/x-www-form-urlencoded", "X-FreshBooks-Hmac-SHA256",
                "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc="), body);
        HttpResponse<String> unsigned = http.post("/webhooks/freshbooks", Map.of("Content-Type",
                "application/x-www-form-urlencoded"), body);
        HttpResponse<String> procoreWrongSecret = http.post("/webhooks/procore", Map.of("Content-Type",
                "application/json", "Authorization", "Bearer not-our-secret"), procoreEvent(7));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(procoreWrongSecret.statusCode()).isEqualTo(401);
        for (WorkStatus s : WorkStatus.values()) {
            assertThat(env.runtime().state().items(conn(), s)).as(s.name())
                    .allMatch(w -> !w.payload().contains("id=42&") && !w.payload().contains("id=7&"));
        }
        assertThat(env.runtime().state().items(conn(), WorkStatus.READY)).isEmpty();
        assertThat(JsonLinesFileAuditSink.readAll(env.runtime().auditFile().file()))
                .filteredOn(e -> e.outcome() == AuditOutcome.WEBHOOK_REJECTED).hasSize(3)
                .allSatisfy(e -> assertThat(e.reason()).doesNotContain(env.config().procore().webhookSecret().reveal()));
    }

    @Test
    void procoreWebhook_isAnsweredWhileFreshBooksTakesTenSecondsPerCall() throws Exception {
        env.startEngine();
        env.freshBooks().faults().latency(Duration.ofSeconds(10));
        env.freshBooks().act().bill(c.fbBrightSpark().id(), env.today(), "BSE-9", List.of(
                BillLine.of(c.electrical().id(), "Rough-in", "1", "100.00"))); // keeps a worker busy in FreshBooks

        env.procore().approveChangeOrder(c.slabChangeOrder().id()); // Procore delivers to the host

        await().atMost(WAIT).until(() -> env.procore().webhookDeliveries().stream()
                .anyMatch(d -> d.event().startsWith("Change Order Packages")));
        WebhookDelivery delivery = env.procore().webhookDeliveries().stream()
                .filter(d -> d.event().startsWith("Change Order Packages")).findFirst().orElseThrow();
        assertThat(delivery.responseStatus()).isEqualTo(200);
        assertThat(delivery.responseBody()).contains("queued");
        assertThat(delivery.attempt()).isEqualTo(1);

        HttpResponse<String> direct = http.post("/webhooks/procore", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + env.config().procore().webhookSecret().reveal()), procoreEvent(99));
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).contains("queued");
    }

    @Test
    void operatorRoutes_health_flags_replay_audit_reconcile() throws Exception {
        env.freshBooks().act().bill(c.fbLonePine().id(), env.today(), "LPF-1", List.of(
                BillLine.of(c.carpentry().id(), "Framing", "1", "500.00")));
        env.tally().await("freshbooks", "queued", 1, WAIT);
        env.drain();

        HttpResponse<String> healthResponse = http.get("/health");
        assertThat(healthResponse.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(healthResponse.body());
        assertThat(health.path("status").asText()).as("a parked item waits for a person, not for the engine")
                .isEqualTo("healthy");
        assertThat(health.path("reasons")).isEmpty();
        assertThat(health.path("reauthorizationRequired").asBoolean()).isFalse();
        assertThat(health.path("queue").path("parked").asInt()).isEqualTo(1);
        assertThat(health.path("queue").path("oldestReadySeconds").asLong()).isZero();
        // what a load balancer needs, nothing that identifies the contractor
        assertThat(health.has("connection")).isFalse();
        assertThat(health.has("freshbooksCallbacksConfirmed")).isFalse();
        assertThat(health.toString()).doesNotContain(conn());

        JsonNode flags = json.readTree(http.get("/flags").body());
        assertThat(flags.path("flagged")).hasSize(1);
        assertThat(flags.path("flagged").get(0).path("reason").asText()).contains("no confirmed Procore vendor");
        String source = flags.path("flagged").get(0).path("source").asText();
        assertThat(source).startsWith("freshbooks:bill:");
        assertThat(flags.path("unmappedReferences").get(0).path("kind").asText()).isEqualTo("VENDOR");

        HttpResponse<String> replay = http.post("/replay?source=" + source, Map.of(), "");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).path("requeued").asInt()).isEqualTo(1);
        assertThat(http.post("/replay?source=nonsense", Map.of(), "").statusCode()).isEqualTo(400);

        HttpResponse<String> audit = http.get("/audit?limit=2");
        assertThat(audit.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith("application/x-ndjson"));
        List<String> lines = audit.body().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(json.readTree(l).has("outcome")).isTrue());
        assertThat(json.readTree(lines.get(1)).path("outcome").asText())
                .isEqualTo(json.readTree(http.get("/audit?limit=1").body()).path("outcome").asText());

        HttpResponse<String> reconcile = http.get("/reconcile?period=" + YearMonth.from(env.today()));
        assertThat(reconcile.statusCode()).isEqualTo(200);
        assertThat(json.readTree(reconcile.body()).path("period").asText()).isEqualTo(YearMonth.from(env.today()).toString());
        HttpResponse<String> csv = http.get("/reconcile?period=" + YearMonth.from(env.today()) + "&format=csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith("text/csv"));
        assertThat(csv.body()).contains("section");
        assertThat(http.get("/reconcile?period=May-2024").statusCode()).isEqualTo(400);
        assertThat(http.get("/reconcile").statusCode()).isEqualTo(400);
        assertThat(http.get("/webhooks/freshbooks").statusCode()).isEqualTo(405);
        assertThat(http.get("/replay").statusCode()).isEqualTo(405);
    }

    private String procoreEvent(long resourceId) {
        long company = c.company().id();
        long project = c.harborTower().id();
        return "{\"id\":" + resourceId + ",\"ulid\":\"01J0000000000000000000" + (1000 + resourceId) + "\","
                + "\"timestamp\":\"2026-03-02T15:00:00.000000Z\",\"metadata\":{\"source_user_id\":1,"
                + "\"source_project_id\":" + project + ",\"source_operation_id\":null,\"source_company_id\":" + company
                + ",\"source_application_id\":null},\"user_id\":1,\"company_id\":" + company + ",\"project_id\":"
                + project + ",\"api_version\":\"v2\",\"event_type\":\"update\",\"resource_name\":"
                + "\"Change Order Packages\",\"resource_id\":" + resourceId + "}";
    }

    @Test
    void health_turnsDegraded_whileAStreamsPollKeepsFailing_andOkWhenItRecovers() throws Exception {
        env.freshBooks().faults().errorRate(1.0, 400).onlyFor(path -> path.contains("/bills"));
        for (int i = 0; i < SyncPolicy.DEFAULT_STREAM_FAILURE_THRESHOLD; i++) {
            env.runtime().engine().pollOnce(conn());
        }

        HttpResponse<String> degradedResponse = http.get("/health");
        assertThat(degradedResponse.statusCode()).as("webhooks are still taken").isEqualTo(200);
        JsonNode degraded = json.readTree(degradedResponse.body());
        assertThat(degraded.path("status").asText()).isEqualTo("degraded");
        assertThat(degraded.path("streamsFailing").asInt()).isPositive();
        assertThat(degraded.path("reasons").toString()).contains("polled stream(s) failing");
        assertThat(degraded.toString()).doesNotContain(conn()).doesNotContain("bills").doesNotContain("BILLS");

        env.freshBooks().faults().clear();
        env.runtime().engine().pollOnce(conn());
        JsonNode ok = json.readTree(http.get("/health").body());
        assertThat(ok.path("status").asText()).isEqualTo("healthy");
        assertThat(ok.path("streamsFailing").asInt()).isZero();
        assertThat(ok.path("reasons")).isEmpty();
    }

    @Test
    void health_isDown503_whenNoStreamCanBePolled_withReasonsButNoIds() throws Exception {
        env.freshBooks().faults().errorRate(1.0, 400);
        env.procore().faults().errorRate(1.0, 400);
        for (int i = 0; i < SyncPolicy.DEFAULT_STREAM_FAILURE_THRESHOLD; i++) {
            env.runtime().engine().pollOnce(conn());
        }

        HttpResponse<String> down = http.get("/health");

        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode body = json.readTree(down.body());
        assertThat(body.path("status").asText()).isEqualTo("down");
        assertThat(body.path("streamsFailing").asInt())
                .isEqualTo(env.runtime().engine().streamHealth(conn()).size());
        assertThat(body.path("reasons").toString()).contains("polled stream(s) failing");
        assertThat(body.toString()).doesNotContain(conn());
    }
}

package io.mlconnector.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.micrometer.ConnectorMetrics;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's actuator while a stream keeps failing: a connection configured in the properties is polled every
 * 200 ms on the app's scheduler; FreshBooks answers its bill list 500; after two failed polls in a row
 * {@code /actuator/health} shows {@code DEGRADED} (HTTP 200: the instance still takes webhooks) with the reason, the
 * failing-streams gauge counts it, and once FreshBooks answers again the health is {@code UP}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoint.health.show-details=always",
    "mlconnector.policy.poll-interval=200ms",
    "mlconnector.policy.stream-failure-threshold=2",
    // the month-end run at start would fail against the faulty sandbox too, and rightly keep the health DEGRADED
    // until its retry; this test is about a failing stream
    "mlconnector.policy.month-end.enabled=false"})
@DirtiesContext
class HealthDegradesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final FreshBooksSandboxExtension FB = FreshBooksSandboxExtension.create();
    @RegisterExtension
    static final ProcoreSandboxExtension PC = ProcoreSandboxExtension.create();
    private static Company company;

    @LocalServerPort
    int port;
    @Autowired
    MlConnector connector;

    @BeforeAll
    static void seed() {
        company = PC.sandbox().seed().company("Harbor Point Builders");
        PC.sandbox().seed().project(company.id(), "Harbor Tower");
        FB.sandbox().faults().onlyFor(path -> path.endsWith("/bills/bills")).errorRate(1.0, 500);
    }

    @DynamicPropertySource
    static void sandboxes(DynamicPropertyRegistry registry) {
        Sandboxes.register(registry, FB.sandbox(), PC.sandbox());
        String acme = "mlconnector.connections.acme.";
        registry.add(acme + "freshbooks-account-id", () -> FB.sandbox().identity().accountId());
        registry.add(acme + "freshbooks-business-id", () -> FB.sandbox().identity().businessId());
        registry.add(acme + "freshbooks-refresh-token", () -> FB.sandbox().issueTokens().refreshToken());
        registry.add(acme + "procore-company-id", () -> company.id());
        registry.add(acme + "procore-webhook-secret", () -> "hook-secret");
    }

    @Test
    void aStreamThatKeepsFailing_makesTheHealthDegraded_andItsRecoveryUp() throws Exception {
        assertThat(connector.connectionIds()).as("added from the properties").containsExactly("acme");

        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).as("degraded is answered 200").isEqualTo(200);
            JsonNode body = JSON.readTree(health.body());
            assertThat(body.path("status").asText()).as("overall").isEqualTo("DEGRADED");
            JsonNode ours = body.path("components").path("mlConnector");
            assertThat(ours.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(ours.path("details").path("failingStreams").asLong()).as("bills and bill payments (both read the bill list)")
                    .isPositive();
            assertThat(ours.path("details").path("reasons").toString()).contains("failing");
            assertThat(ours.path("details").path("connections").path("acme").asText()).isEqualTo("DEGRADED");
        });
        assertThat(JSON.readTree(get("/actuator/metrics/" + ConnectorMetrics.STREAMS_FAILING).body())
                .path("measurements").get(0).path("value").asDouble()).isPositive();
        assertThat(get("/actuator/metrics/" + ConnectorMetrics.POLL).statusCode()).isEqualTo(200);

        FB.sandbox().faults().clear();

        await().atMost(WAIT).untilAsserted(() -> assertThat(JSON.readTree(get("/actuator/health").body())
                .path("components").path("mlConnector").path("status").asText()).isEqualTo("UP"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

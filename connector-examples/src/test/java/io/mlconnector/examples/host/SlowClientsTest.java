package io.mlconnector.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.examples.demo.DemoEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that open a connection and send half a request (the slow-loris pattern) neither stall the host's other
 * routes nor hold their connection for ever. The test JVM runs with {@code sun.net.httpserver.maxReqTime=2}, the
 * shortened form of what {@link ExampleHost#applyServerLimits()} sets.
 */
class SlowClientsTest {
    private DemoEnvironment env;
    private final List<Socket> slow = new ArrayList<>();

    @BeforeEach
    void setUp() {
        env = DemoEnvironment.builder().build();
    }

    @AfterEach
    void tearDown() throws IOException {
        for (Socket s : slow) {
            s.close();
        }
        env.close();
    }

    private Socket openSlow(String partialRequest) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), env.host().port());
        s.setSoTimeout(15_000);
        OutputStream out = s.getOutputStream();
        out.write(partialRequest.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(s);
        return s;
    }

    /** True once the server has closed (or reset) the connection. */
    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            int b = in.read();
            return b < 0 || in.readAllBytes().length >= 0; // an answer (408/closed) or end of stream
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void eightHalfSentRequests_leaveHealthAndWebhooksAnswering_andAreCutOff() throws Exception {
        for (int i = 0; i < 4; i++) {
            openSlow("POST /webhooks/procore HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl"); // half the headers
            openSlow("POST /webhooks/freshbooks HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4000\r\n\r\nname=b");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI base = env.host().baseUrl();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        String secret = env.config().procore().webhookSecret().reveal();
        String event = "{\"id\":1,\"ulid\":\"01J0000000000000000000000A\",\"timestamp\":\"2026-03-02T15:00:00Z\","
                + "\"user_id\":1,\"company_id\":" + env.contractor().company().id() + ",\"project_id\":"
                + env.contractor().harborTower().id() + ",\"api_version\":\"v2\",\"event_type\":\"update\","
                + "\"resource_name\":\"Change Order Packages\",\"resource_id\":7}";
        HttpResponse<String> webhook = http.send(HttpRequest.newBuilder(base.resolve("/webhooks/procore"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secret).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(webhook.statusCode()).isEqualTo(200);
        // the slow ones do not hold their connection for ever
        await().atMost(Duration.ofSeconds(15)).until(() -> slow.stream().allMatch(SlowClientsTest::closedByServer));
    }
}

package io.mlconnector.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.examples.config.AdminAccess;
import io.mlconnector.examples.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator routes' guard, in front of a route that counts what reaches it. */
class OperatorGuardTest {
    private static final String TOKEN = "operator-token-0123456789abcdef";

    private final AtomicInteger reached = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HostHttp start(AdminAccess access, String token) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/flags", new OperatorGuard(access).wrap(ex -> {
            reached.incrementAndGet();
            HttpExchanges.json(ex, 200, "{\"ok\":true}");
        }));
        server.start();
        return new HostHttp(base(), token);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void withoutTheToken_orWithAWrongOne_theRouteIsNotReached() throws IOException {
        start(AdminAccess.bearer(new Secret(TOKEN)), null);

        var none = new HostHttp(base()).get("/flags");
        var wrong = new HostHttp(base(), TOKEN + "0").get("/flags");
        var basic = new HostHttp(base()).get("/flags", Map.of("Authorization", "Basic " + TOKEN));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(none.body()).doesNotContain(TOKEN);
        assertThat(reached).hasValue(0);
    }

    @Test
    void withTheToken_theRouteAnswers() throws IOException {
        HostHttp http = start(AdminAccess.bearer(new Secret(TOKEN)), TOKEN);

        assertThat(http.get("/flags").statusCode()).isEqualTo(200);
        assertThat(http.get("/flags", Map.of("Origin", base().toString(), "Sec-Fetch-Site", "same-origin"))
                .statusCode()).isEqualTo(200);
        assertThat(reached).hasValue(2);
    }

    @Test
    void crossSiteRequests_areRefused_evenWithTheToken() throws IOException {
        HostHttp http = start(AdminAccess.bearer(new Secret(TOKEN)), TOKEN);

        assertThat(http.get("/flags", Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
        assertThat(http.get("/flags", Map.of("Origin", "http://127.0.0.1:1")).statusCode()).isEqualTo(403);
        assertThat(http.get("/flags", Map.of("Origin", "null")).statusCode()).isEqualTo(403);
        assertThat(http.get("/flags", Map.of("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        assertThat(reached).hasValue(0);
    }

    @Test
    void aForeignHostHeader_isRefused_soDnsRebindingCannotReachTheRoutes() throws IOException {
        start(AdminAccess.bearer(new Secret(TOKEN)), TOKEN);

        assertThat(rawGet("evil.example:" + server.getAddress().getPort())).startsWith("HTTP/1.1 403");
        assertThat(rawGet("localhost:" + server.getAddress().getPort())).startsWith("HTTP/1.1 200");
        assertThat(rawGet("[::1]:" + server.getAddress().getPort())).startsWith("HTTP/1.1 200");
        assertThat(reached).hasValue(2);
    }

    @Test
    void explicitlyDisabled_needsNoToken_butKeepsTheOtherChecks() throws IOException {
        HostHttp http = start(AdminAccess.disabled(), null);

        assertThat(http.get("/flags").statusCode()).isEqualTo(200);
        assertThat(http.get("/flags", Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
        assertThat(reached).hasValue(1);
    }

    /** A GET with a Host header of our choosing (the JDK client does not let one set it). */
    private String rawGet(String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /flags HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}

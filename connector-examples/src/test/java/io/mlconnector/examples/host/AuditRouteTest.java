package io.mlconnector.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRouteTest {
    @TempDir
    Path dir;

    @Test
    void oneAnswer_holdsAtMostTenThousandLines_whateverTheLimitAsked() throws Exception {
        try (JsonLinesFileAuditSink sink = new JsonLinesFileAuditSink(dir.resolve("audit.jsonl"))) {
            for (int i = 0; i < AuditRoute.MAX_LIMIT + 50; i++) {
                sink.record(new AuditEvent(Instant.parse("2026-03-02T15:00:00Z").plusSeconds(i), "acme",
                        Direction.INTAKE, "freshbooks:bill:" + i, null, AuditOutcome.POSTED, "posted", Map.of()));
            }
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/audit", new AuditRoute(sink));
            server.start();
            try {
                HostHttp http = new HostHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

                assertThat(http.get("/audit?limit=0").body().lines()).hasSize(AuditRoute.MAX_LIMIT).last()
                        .asString().contains("freshbooks:bill:" + (AuditRoute.MAX_LIMIT + 49));
                assertThat(http.get("/audit?limit=999999").body().lines()).hasSize(AuditRoute.MAX_LIMIT);
                assertThat(http.get("/audit?limit=3").body().lines()).hasSize(3);
            } finally {
                server.stop(0);
            }
        }
    }
}

package io.mlconnector.examples.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.examples.wiring.ConnectorRuntime;
import java.io.IOException;

/**
 * {@code GET /health}: liveness plus the queue's shape, from one count query per status in the state store (no
 * remote call, no per-item scan), so a load balancer can poll it cheaply. Shows no business data and no
 * identifiers: not the connection id, not how many callbacks are confirmed. {@code status} is {@code degraded} while
 * the polls of some stream keep failing ({@code SyncEngine.streamHealth()}); webhooks are still taken then.
 */
final class HealthRoute implements HttpHandler {
    private final ConnectorRuntime runtime;
    private final ObjectMapper json;

    HealthRoute(ConnectorRuntime runtime, ObjectMapper json) {
        this.runtime = runtime;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            HttpExchanges.methodNotAllowed(ex, "GET");
            return;
        }
        ObjectNode body = json.createObjectNode();
        long failing = runtime.engine().streamHealth().stream().filter(h -> h.failing()).count();
        // a stream whose poll keeps failing does not stop webhooks: degraded, still 200, with how many streams fail
        body.put("status", failing == 0 ? "ok" : "degraded");
        body.put("streamsFailing", failing);
        ObjectNode queue = body.putObject("queue");
        for (WorkStatus s : new WorkStatus[] {WorkStatus.READY, WorkStatus.LEASED, WorkStatus.PARKED, WorkStatus.DEAD}) {
            queue.put(s.name().toLowerCase(java.util.Locale.ROOT), runtime.state().count(s));
        }
        HttpExchanges.json(ex, 200, json.writeValueAsString(body));
    }
}

package io.mlconnector.examples.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlconnector.core.observe.EngineHealth;
import io.mlconnector.core.observe.HealthStatus;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.examples.wiring.ConnectorRuntime;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code GET /health}: {@code SyncEngine.health()} for a load balancer or a monitor: {@code status} healthy, degraded
 * (a stream's polls keep failing, work waits too long: webhooks are still taken) or down (nothing syncs: the state
 * store cannot be read, or the connection needs re-authorization or cannot poll any stream), the engine's
 * {@code reasons}, and the queue's shape (counts per status and how long the oldest ready item has waited). Answers
 * 200 unless down (503). No remote call (memory and one grouped count per connection), no business data and no
 * identifiers: not the connection id, not how many callbacks are confirmed; the engine's reasons name counts and
 * durations only.
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
        EngineHealth health = runtime.engine().health();
        ObjectNode body = json.createObjectNode();
        body.put("status", health.status().name().toLowerCase(Locale.ROOT));
        ArrayNode reasons = body.putArray("reasons");
        health.reasons().forEach(reasons::add);
        body.put("streamsFailing", health.failingStreams());
        body.put("reauthorizationRequired", health.connectionsNeedingReauthorization() > 0);
        ObjectNode queue = body.putObject("queue");
        for (WorkStatus s : new WorkStatus[] {WorkStatus.READY, WorkStatus.LEASED, WorkStatus.PARKED, WorkStatus.DEAD}) {
            queue.put(s.name().toLowerCase(Locale.ROOT), health.queue().count(s));
        }
        queue.put("oldestReadySeconds", health.oldestReadyAge().toSeconds());
        HttpExchanges.json(ex, health.status() == HealthStatus.DOWN ? 503 : 200, json.writeValueAsString(body));
    }
}

package io.mlconnector.examples.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.mlconnector.core.mapping.UnmappedReference;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.examples.wiring.ConnectorRuntime;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /flags}: the records waiting for a person — parked work items (flagged records, and payments waiting for
 * a flagged document) with the reason, dead-lettered items, and the source ids still missing a confirmed mapping.
 * Fix the mapping, then {@code POST /replay}.
 */
final class FlagsRoute extends AdminRoute {
    private final ConnectorRuntime runtime;
    private final ObjectMapper json;

    FlagsRoute(ConnectorRuntime runtime, ObjectMapper json) {
        super("GET");
        this.runtime = runtime;
        this.json = json;
    }

    @Override
    void serve(HttpExchange ex) throws IOException {
        String conn = runtime.connectionId();
        ObjectNode body = json.createObjectNode();
        body.put("connection", conn);
        items(body.putArray("flagged"), runtime.engine().items(conn, WorkStatus.PARKED));
        items(body.putArray("deadLettered"), runtime.engine().items(conn, WorkStatus.DEAD));
        ArrayNode unmapped = body.putArray("unmappedReferences");
        for (UnmappedReference u : runtime.mappings().unmapped(conn)) {
            ObjectNode n = unmapped.addObject();
            n.put("kind", u.kind().name());
            n.put("sourceId", u.sourceId());
            n.put("label", u.label());
            n.put("lastSeen", u.lastSeen() == null ? null : u.lastSeen().toString());
        }
        HttpExchanges.json(ex, 200, json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }

    private static void items(ArrayNode out, Iterable<WorkItem> items) {
        for (WorkItem w : items) {
            ObjectNode n = out.addObject();
            n.put("source", payloadValue(w.payload(), "source"));
            n.put("type", w.type());
            n.put("reason", w.lastError());
            n.put("attempts", w.attempts());
            n.put("queuedAt", w.createdAt() == null ? null : w.createdAt().toString());
            n.put("workItem", w.id());
        }
    }

    /** One value of a form-encoded work payload. */
    static String payloadValue(String payload, String key) {
        if (payload == null) {
            return null;
        }
        for (String pair : payload.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && key.equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

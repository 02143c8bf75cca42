package io.mlconnector.examples.host;

import com.sun.net.httpserver.HttpExchange;
import io.mlconnector.core.sync.SyncEngine;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /replay}: requeues flagged records after their mapping was fixed. {@code ?source=freshbooks:bill:123}
 * replays one record (and the payments waiting for it); without {@code source}, every flagged record of the
 * connection; {@code ?dead=true} also requeues dead-lettered items. Answers {@code {"requeued": n}}.
 */
final class ReplayRoute extends AdminRoute {
    private final SyncEngine engine;
    private final String connectionId;

    ReplayRoute(SyncEngine engine, String connectionId) {
        super("POST");
        this.engine = engine;
        this.connectionId = connectionId;
    }

    @Override
    void serve(HttpExchange ex) throws IOException {
        HttpExchanges.readBody(ex, 4096); // drain; parameters travel in the query
        Map<String, String> q = HttpExchanges.query(ex);
        String source = q.get("source");
        int requeued;
        if (source != null && !source.isBlank()) {
            if (!source.matches("[a-z_]+:[a-z_]+:[^:]+")) {
                throw new BadRequestException("source must look like freshbooks:bill:123 (got '" + source + "')");
            }
            requeued = engine.replay(connectionId, source.trim());
        } else {
            requeued = engine.replayAll(connectionId);
        }
        if ("true".equalsIgnoreCase(q.get("dead"))) {
            requeued += engine.retryDeadLetters(connectionId);
        }
        HttpExchanges.json(ex, 200, "{\"requeued\":" + requeued + "}");
    }
}

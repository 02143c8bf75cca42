package io.mlconnector.examples.host;

import com.sun.net.httpserver.HttpExchange;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /audit[?limit=N]}: the audit log as JSON Lines ({@code application/x-ndjson}), oldest first, newest
 * last; {@code limit} keeps only the last N lines (default 1000, {@code 0} = the most one answer holds,
 * {@value #MAX_LIMIT}), so one request never reads the whole rotated log into memory.
 */
final class AuditRoute extends AdminRoute {
    static final int DEFAULT_LIMIT = 1000;
    /** The most lines one answer holds. */
    static final int MAX_LIMIT = 10_000;
    private final JsonLinesFileAuditSink audit;

    AuditRoute(JsonLinesFileAuditSink audit) {
        super("GET");
        this.audit = audit;
    }

    @Override
    void serve(HttpExchange ex) throws IOException {
        String raw = HttpExchanges.query(ex).get("limit");
        int limit = DEFAULT_LIMIT;
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw new BadRequestException("limit must be a whole number (got '" + raw + "')");
            }
            if (limit < 0) {
                throw new BadRequestException("limit must not be negative");
            }
        }
        List<String> lines = audit.lastLines(limit == 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit);
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        HttpExchanges.send(ex, 200, "application/x-ndjson; charset=utf-8", b.toString().getBytes(StandardCharsets.UTF_8));
    }
}

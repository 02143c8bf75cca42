package io.mlconnector.examples.host;

import com.sun.net.httpserver.HttpExchange;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import io.mlconnector.examples.wiring.ConnectorRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /reconcile?period=YYYY-MM[&format=csv]}: the month-end reconciliation of the connection as JSON (default)
 * or CSV. Reads both systems; writes nothing.
 */
final class ReconcileRoute extends AdminRoute {
    private final ConnectorRuntime runtime;

    ReconcileRoute(ConnectorRuntime runtime) {
        super("GET");
        this.runtime = runtime;
    }

    @Override
    void serve(HttpExchange ex) throws IOException {
        Map<String, String> q = HttpExchanges.query(ex);
        String raw = q.get("period");
        if (raw == null || raw.isBlank()) {
            throw new BadRequestException("period is required, e.g. /reconcile?period=2024-05");
        }
        YearMonth period;
        try {
            period = YearMonth.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("period must be YYYY-MM (got '" + raw + "')");
        }
        String format = q.getOrDefault("format", "json");
        ReconciliationReport report = runtime.reconcile(period);
        switch (format) {
            case "json" -> HttpExchanges.json(ex, 200, report.toJson());
            case "csv" -> {
                ex.getResponseHeaders().set("Content-Disposition",
                        "attachment; filename=\"reconciliation-" + period + ".csv\"");
                HttpExchanges.send(ex, 200, "text/csv; charset=utf-8", report.toCsv().getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new BadRequestException("format must be json or csv (got '" + format + "')");
        }
    }
}

package io.mlconnector.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.OperatorRequestException;
import io.mlconnector.core.error.OperatorRequestException.Problem;
import io.mlconnector.core.http.ConnectorJson;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingRef;
import io.mlconnector.core.operator.OperatorService;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's JSON API ({@code /api/...}) over the {@link OperatorService}. Reads are {@code GET}; every write is
 * a {@code POST} with a JSON body ({@code Content-Type: application/json}, which a cross-site form cannot send).
 */
final class ConsoleApi {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);
    /** Header naming the person at the console, for the audit ({@code who = console:<name>}). */
    static final String OPERATOR_HEADER = "X-MLC-Operator";
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final OperatorService service;
    private final StoredReports storedReports;
    private final ObjectMapper json;

    ConsoleApi(OperatorService service, StoredReports storedReports) {
        this.service = service;
        this.storedReports = storedReports;
        ObjectMapper m = ConnectorJson.newObjectMapper();
        m.setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
        this.json = m;
    }

    ConsoleResponse handle(ConsoleRequest req) {
        String route = req.path().substring("/api".length());
        try {
            Map<String, String> q = QueryString.parse(req.query());
            return switch (route) {
                case "/connections" -> get(req, () -> Map.of("connections", service.connectionIds()));
                case "/waiting" -> get(req, () -> Map.of("connection", connection(q),
                        "records", service.waiting(connection(q))));
                case "/unmapped" -> get(req, () -> Map.of("connection", connection(q),
                        "items", service.unmapped(connection(q))));
                case "/targets" -> get(req, () -> Map.of("kind", kind(q.get("kind")),
                        "targets", service.targets(connection(q), kind(q.get("kind")))));
                case "/health" -> get(req, () -> Map.of("health", service.health(),
                        "streams", service.streamHealth()));
                case "/reconciliation" -> reconciliation(req, q);
                case "/reports" -> get(req, () -> Map.of("connection", connection(q),
                        "reports", reports(connection(q))));
                case "/reports/csv" -> storedCsv(req, q);
                case "/mappings/confirm" -> post(req, body -> {
                    String c = connection(body);
                    return Map.of("edit", service.confirmSuggestion(c, kind(text(body, "kind")),
                            text(body, "sourceId"), who(req)));
                });
                case "/mappings/set" -> post(req, body -> {
                    String c = connection(body);
                    return Map.of("edit", service.setMapping(c, kind(text(body, "kind")), text(body, "sourceId"),
                            text(body, "targetId"), who(req)));
                });
                case "/replay" -> post(req, body -> {
                    String c = connection(body);
                    if (body.hasNonNull("key")) {
                        return Map.of("replay", service.replay(c, text(body, "key")));
                    }
                    return Map.of("replay", service.replayWaitingFor(c,
                            new MappingRef(kind(text(body, "kind")), text(body, "sourceId"))));
                });
                default -> error(404, "no such API route: " + route);
            };
        } catch (OperatorRequestException e) {
            return error(e.problem() == Problem.NOT_FOUND ? 404 : 400, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        } catch (ConnectorException e) {
            LOG.warn("console API {} failed: {}", route, e.toString());
            return error(502, "the connected system could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("console API {} failed", route, e);
            return error(500, "internal error; see the host's log");
        }
    }

    // ------------------------------------------------------------------ routes

    private List<Map<String, Object>> reports(String connectionId) {
        return storedReports.latest(connectionId).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", r.period().toString());
            m.put("createdAt", r.createdAt());
            m.put("differences", r.differences());
            m.put("hasCsv", r.csv() != null);
            return m;
        }).toList();
    }

    private ConsoleResponse storedCsv(ConsoleRequest req, Map<String, String> q) {
        if (!req.method().equals("GET")) {
            return methodNotAllowed("GET");
        }
        String c = connection(q);
        YearMonth period = period(q.get("period"));
        return storedReports.latest(c).stream().filter(r -> r.period().equals(period) && r.csv() != null).findFirst()
                .map(r -> csv(c, period, r.csv(), "stored"))
                .orElseGet(() -> error(404, "no stored report for " + period));
    }

    private ConsoleResponse reconciliation(ConsoleRequest req, Map<String, String> q) {
        if (!req.method().equals("GET")) {
            return methodNotAllowed("GET");
        }
        String c = connection(q);
        YearMonth period = period(q.get("period"));
        ReconciliationReport report = service.reconcile(c, period);
        if ("csv".equals(q.get("format"))) {
            return csv(c, period, report.toCsv(), "reconciliation");
        }
        return new ConsoleResponse(200, "application/json", NO_STORE, report.toJson().getBytes(StandardCharsets.UTF_8));
    }

    private static ConsoleResponse csv(String connection, YearMonth period, String text, String what) {
        String file = what + "-" + connection.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + period + ".csv";
        Map<String, String> headers = new LinkedHashMap<>(NO_STORE);
        headers.put("Content-Disposition", "attachment; filename=\"" + file + "\"");
        return new ConsoleResponse(200, "text/csv; charset=utf-8", headers, text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ plumbing

    @FunctionalInterface
    private interface Read {
        Object get();
    }

    @FunctionalInterface
    private interface Write {
        Object apply(JsonNode body);
    }

    private ConsoleResponse get(ConsoleRequest req, Read read) {
        if (!req.method().equals("GET")) {
            return methodNotAllowed("GET");
        }
        return ok(read.get());
    }

    private ConsoleResponse post(ConsoleRequest req, Write write) {
        if (!req.method().equals("POST")) {
            return methodNotAllowed("POST");
        }
        String type = req.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return error(415, "writes need Content-Type: application/json");
        }
        JsonNode body;
        try {
            body = json.readTree(req.body());
        } catch (IOException e) {
            return error(400, "the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            return error(400, "the body must be a JSON object");
        }
        return ok(write.apply(body));
    }

    private ConsoleResponse ok(Object value) {
        try {
            return new ConsoleResponse(200, "application/json", NO_STORE, json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("console answer not serializable", e);
        }
    }

    private ConsoleResponse error(int status, String message) {
        ObjectNode n = json.createObjectNode();
        n.put("error", message);
        try {
            return new ConsoleResponse(status, "application/json", NO_STORE, json.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsoleResponse methodNotAllowed(String allowed) {
        ConsoleResponse e = error(405, "use " + allowed);
        Map<String, String> headers = new LinkedHashMap<>(e.headers());
        headers.put("Allow", allowed);
        return new ConsoleResponse(405, e.contentType(), headers, e.body());
    }

    private String connection(Map<String, String> q) {
        return connectionOrOnly(q.get("connection"));
    }

    private String connection(JsonNode body) {
        return connectionOrOnly(body.hasNonNull("connection") ? body.get("connection").asText() : null);
    }

    /** The connection named, or the engine's only one when none is named. */
    private String connectionOrOnly(String named) {
        if (named != null && !named.isBlank()) {
            return named;
        }
        Set<String> ids = service.connectionIds();
        if (ids.size() != 1) {
            throw new OperatorRequestException(Problem.INVALID, "name the connection (" + ids.size()
                    + " are served)");
        }
        return ids.iterator().next();
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            throw new OperatorRequestException(Problem.INVALID, "the body needs \"" + field + "\"");
        }
        return n.asText();
    }

    private static MappingKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw new OperatorRequestException(Problem.INVALID, "name the mapping kind");
        }
        try {
            return MappingKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OperatorRequestException(Problem.INVALID, "unknown mapping kind " + value);
        }
    }

    private static YearMonth period(String value) {
        try {
            return YearMonth.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new OperatorRequestException(Problem.INVALID, "period must be YYYY-MM");
        }
    }

    /** {@code console:<name>} from the operator header (letters, digits, space, {@code .-_@}), else {@code console}. */
    static String who(ConsoleRequest req) {
        String name = req.header(OPERATOR_HEADER);
        if (name == null) {
            return "console";
        }
        String clean = name.replaceAll("[^\\p{L}\\p{N} ._@-]", "").strip();
        if (clean.length() > 64) {
            clean = clean.substring(0, 64);
        }
        return clean.isEmpty() ? "console" : "console:" + clean;
    }
}

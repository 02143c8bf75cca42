package io.mlconnector.testkit.procore.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of Procore's published operations ({@code procore-operations.jsonl} next to this class's package in the
 * testkit jar), with lookup by operation id and matching of a request's method and concrete path to its operation.
 *
 * <p>Matching compares path segments: a literal segment must be equal, a {@code {param}} segment takes any non-empty
 * value, and where several templates match, the one with a literal at the first position where they differ wins
 * ({@code /direct_costs/sync} is the sync operation, not {@code /direct_costs/{id}}).
 *
 * <pre>{@code
 * ProcoreOperations ops = ProcoreOperations.standard();
 * ops.match("GET", "/rest/v1.0/contract_payments").orElseThrow().operation().missingQuery(Set.of("project_id"));
 * // [contract_id]
 * }</pre>
 */
public final class ProcoreOperations {

    /** Where the table lives on the classpath. */
    public static final String RESOURCE = "/io/mlconnector/testkit/procore/procore-operations.jsonl";

    private static volatile ProcoreOperations standard;

    private final List<Operation> all;
    private final Map<String, Operation> byId;
    private final Map<String, List<Template>> byMethod;

    private record Template(Operation operation, String[] segments) { }

    private ProcoreOperations(List<Operation> operations) {
        this.all = List.copyOf(operations);
        Map<String, Operation> ids = new LinkedHashMap<>();
        Map<String, List<Template>> methods = new HashMap<>();
        for (Operation op : operations) {
            if (ids.put(op.id(), op) != null) {
                throw new IllegalArgumentException("duplicate operation id " + op.id());
            }
            methods.computeIfAbsent(op.method(), m -> new ArrayList<>()).add(new Template(op, segments(op.path())));
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.byMethod = methods;
    }

    /**
     * The table shipped in the testkit jar, loaded once.
     *
     * @return the table shipped in the testkit jar, loaded once
     */
    public static ProcoreOperations standard() {
        ProcoreOperations s = standard;
        if (s == null) {
            synchronized (ProcoreOperations.class) {
                s = standard;
                if (s == null) {
                    s = load();
                    standard = s;
                }
            }
        }
        return s;
    }

    private static ProcoreOperations load() {
        try (InputStream in = ProcoreOperations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a table: one JSON object a line, as {@code ProcoreFactsGenerator} writes it.
     *
     * @param jsonLines the JSON lines
     * @return the {@code ProcoreOperations}
     */
    public static ProcoreOperations parse(String jsonLines) {
        ObjectMapper mapper = new ObjectMapper();
        List<Operation> ops = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                ops.add(operation(mapper.readTree(line)));
            } catch (IOException e) {
                throw new IllegalArgumentException("not a JSON line: " + line, e);
            }
        }
        return new ProcoreOperations(ops);
    }

    private static Operation operation(JsonNode n) {
        Map<String, QueryParam> query = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> q = n.path("query").fields();
        while (q.hasNext()) {
            Map.Entry<String, JsonNode> e = q.next();
            String t = e.getValue().asText();
            boolean required = t.endsWith("!");
            query.put(e.getKey(), new QueryParam(e.getKey(), required ? t.substring(0, t.length() - 1) : t, required));
        }
        List<List<String>> oneOf = new ArrayList<>();
        n.path("queryOneOf").forEach(g -> oneOf.add(texts(g)));
        JsonNode r = n.get("response");
        OperationResponse response = r == null ? null : new OperationResponse(r.path("status").asInt(), r.get("schema"));
        return new Operation(n.path("op").asText(), n.path("method").asText(), n.path("path").asText(), query, oneOf,
            texts(n.path("pathParams")), n.hasNonNull("body") ? n.get("body").asText() : null,
            texts(n.path("bodyRequired")), response);
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static boolean isParam(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /**
     * Every operation, sorted by path then method.
     *
     * @return every operation, sorted by path then method
     */
    public List<Operation> all() {
        return all;
    }

    /**
     * The operation with this id.
     *
     * @param operationId the operation id
     * @return the operation with this id
     */
    public Optional<Operation> byId(String operationId) {
        return Optional.ofNullable(byId.get(operationId));
    }

    /**
     * The operation a request with this method and concrete path (no query) is, if Procore publishes one.
     *
     * @param method the upper-case HTTP method
     * @param path the request path
     * @return the operation a request with this method and concrete path (no query) is, if Procore publishes one
     */
    public Optional<OperationMatch> match(String method, String path) {
        List<Template> candidates = byMethod.getOrDefault(method.toUpperCase(java.util.Locale.ROOT), List.of());
        String[] concrete = segments(path);
        Template best = null;
        for (Template t : candidates) {
            if (matches(t.segments, concrete) && (best == null || moreSpecific(t.segments, best.segments))) {
                best = t;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < concrete.length; i++) {
            String s = best.segments[i];
            if (isParam(s)) {
                vars.put(s.substring(1, s.length() - 1), concrete[i]);
            }
        }
        return Optional.of(new OperationMatch(best.operation, vars));
    }

    private static boolean matches(String[] template, String[] concrete) {
        if (template.length != concrete.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean ok = isParam(template[i]) ? !concrete[i].isEmpty() : template[i].equals(concrete[i]);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean moreSpecific(String[] a, String[] b) {
        for (int i = 0; i < a.length; i++) {
            boolean pa = isParam(a[i]);
            boolean pb = isParam(b[i]);
            if (pa != pb) {
                return !pa;
            }
        }
        return false;
    }
}

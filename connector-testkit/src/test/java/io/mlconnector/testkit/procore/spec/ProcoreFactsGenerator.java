package io.mlconnector.testkit.procore.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the Procore facts table ({@code procore-operations.jsonl}) from Procore's published per-operation OpenAPI
 * extract: one compact JSON line per operation, sorted by path then method, facts only.
 *
 * <pre>
 * {"op":"RestV10ContractPaymentsGet","method":"GET","path":"/rest/v1.0/contract_payments",
 *  "query":{"project_id":"integer!","contract_id":"integer!","page":"integer"},"pathParams":[],
 *  "bodyRequired":[],"response":{"status":200,"schema":[{"id":"integer","amount":"string",...}]}}
 * </pre>
 *
 * <ul>
 *   <li>{@code query}: every query parameter with its type ({@code integer}, {@code string}, {@code boolean},
 *       {@code number}, {@code string:date}, {@code string:date-time}, {@code [integer]} for arrays, {@code object},
 *       {@code any}); a trailing {@code !} marks a required one.</li>
 *   <li>{@code queryOneOf}: groups of which at least one must be given. The spec marks both {@code company_id} and
 *       {@code project_id} required on a few operations while their descriptions say "You must supply either a
 *       company_id or project_id"; those become one group instead of two required parameters.</li>
 *   <li>{@code bodyRequired}: required request body fields as dotted paths, {@code []} stepping into array elements
 *       ({@code requisition.items[].id}); a nested one applies when its parent is present. {@code body} names the
 *       media type ({@code json}, {@code multipart}) when the operation has a body.</li>
 *   <li>{@code response}: only for the operations the client calls (one id a line in the client operations file):
 *       the 200 (else 201, 202, 204) status and its type tree, where objects are {@code {field: type}} in spec order,
 *       arrays {@code [element]}, scalars as in {@code query}, an object schema without properties {@code "object"}
 *       and the extract's {@code (nested object)} placeholder {@code "any"}.</li>
 * </ul>
 *
 * <p>Run it with {@code mvn -B -q -pl connector-testkit -am -Pprocore-facts -DskipTests process-test-classes}
 * ({@code -Dprocore.spec.dir=} overrides the default {@code ../shared/api/procore-spec}). The output is
 * deterministic: a rerun on the same input is byte-identical.
 */
public final class ProcoreFactsGenerator {

    /** Classpath resource listing the operation ids the client calls. */
    static final String CLIENT_OPERATIONS = "/procore-client-operations.txt";

    private static final String EITHER = "You must supply either a company_id or project_id";
    private static final List<String> RESPONSE_CODES = List.of("200", "201", "202", "204");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private ProcoreFactsGenerator() {
    }

    /**
     * {@code main(specDir, outFile[, clientOperationsFile])}; without the third argument the client operations are
     * read from the classpath resource {@value #CLIENT_OPERATIONS}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: ProcoreFactsGenerator <specDir> <outFile> [clientOperations]");
        }
        Set<String> clientOps = args.length == 3 ? readOps(Files.readString(Path.of(args[2])))
            : readOps(classpathText(CLIENT_OPERATIONS));
        String table = new ProcoreFactsGenerator().generate(Path.of(args[0]), clientOps);
        Path out = Path.of(args[1]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("wrote " + table.lines().count() + " operations to " + out);
    }

    private static String classpathText(String resource) throws IOException {
        try (InputStream in = ProcoreFactsGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Operation ids, one a line; blank lines and {@code #} comments are ignored. */
    static Set<String> readOps(String text) {
        Set<String> ops = new TreeSet<>();
        text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(ops::add);
        return ops;
    }

    /** The whole table for the spec directory, one line per operation, each ending in a newline. */
    String generate(Path specDir, Set<String> clientOps) throws IOException {
        List<JsonNode> specs = new ArrayList<>();
        try (Stream<Path> files = Files.list(specDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                specs.add(mapper.readTree(f.toFile()));
            }
        }
        specs.sort(Comparator.comparing((JsonNode d) -> d.path("path").asText())
            .thenComparing(d -> d.path("method").asText()).thenComparing(d -> d.path("operationId").asText()));
        Set<String> missing = new TreeSet<>(clientOps);
        StringBuilder out = new StringBuilder();
        for (JsonNode d : specs) {
            String op = d.path("operationId").asText();
            boolean client = missing.remove(op);
            out.append(write(line(d, client))).append('\n');
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("client operations not in the spec: " + missing);
        }
        return out.toString();
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode line(JsonNode d, boolean client) {
        ObjectNode line = nodes.objectNode();
        line.put("op", d.path("operationId").asText());
        line.put("method", d.path("method").asText());
        line.put("path", d.path("path").asText());
        ObjectNode query = line.putObject("query");
        Set<String> either = new LinkedHashSet<>();
        for (JsonNode p : d.path("parameters")) {
            if (p.path("in").asText().equals("query") && p.path("required").asBoolean()
                && p.path("description").asText().contains(EITHER)) {
                either.add(p.path("name").asText());
            }
        }
        if (!either.equals(Set.of("company_id", "project_id"))) {
            either.clear();
        }
        for (JsonNode p : d.path("parameters")) {
            if (!p.path("in").asText().equals("query")) {
                continue;
            }
            String name = p.path("name").asText();
            boolean required = p.path("required").asBoolean() && !either.contains(name);
            query.put(name, scalarType(p.path("schema")) + (required ? "!" : ""));
        }
        if (!either.isEmpty()) {
            line.putArray("queryOneOf").addArray().add("company_id").add("project_id");
        }
        ArrayNode pathParams = line.putArray("pathParams");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(d.path("path").asText());
        while (m.find()) {
            pathParams.add(m.group(1));
        }
        JsonNode body = d.get("requestBody");
        if (body != null) {
            line.put("body", body.path("contentType").asText().contains("multipart") ? "multipart" : "json");
        }
        ArrayNode bodyRequired = line.putArray("bodyRequired");
        if (body != null && body.has("schema")) {
            List<String> req = new ArrayList<>();
            required(body.get("schema"), "", req);
            req.forEach(bodyRequired::add);
        }
        if (client) {
            for (String code : RESPONSE_CODES) {
                JsonNode r = d.path("responses").get(code);
                if (r != null) {
                    ObjectNode response = line.putObject("response");
                    response.put("status", Integer.parseInt(code));
                    response.set("schema", r.has("schema") ? typeTree(r.get("schema")) : nodes.nullNode());
                    break;
                }
            }
        }
        return line;
    }

    private void required(JsonNode schema, String prefix, List<String> out) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        if (schema.path("type").asText().equals("array")) {
            required(schema.get("items"), prefix + "[].", out);
            return;
        }
        for (JsonNode r : schema.path("required")) {
            out.add(prefix + r.asText());
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (v.path("type").asText().equals("array")) {
                required(v.get("items"), prefix + f.getKey() + "[].", out);
            } else {
                required(v, prefix + f.getKey() + ".", out);
            }
        }
    }

    private String scalarType(JsonNode schema) {
        String type = schema.path("type").asText("");
        switch (type) {
            case "string": {
                String format = schema.path("format").asText("");
                return format.equals("date") || format.equals("date-time") ? "string:" + format : "string";
            }
            case "integer":
            case "number":
            case "boolean":
            case "object":
                return type;
            case "array":
                return "[" + scalarType(schema.path("items")) + "]";
            default:
                return "any";
        }
    }

    /** The type tree of a schema (see the class comment). */
    JsonNode typeTree(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return TextNode.valueOf("any");
        }
        String type = schema.path("type").asText("");
        if (type.equals("array")) {
            ArrayNode arr = nodes.arrayNode();
            arr.add(typeTree(schema.get("items")));
            return arr;
        }
        if (schema.has("properties") && (type.isEmpty() || type.equals("object"))) {
            ObjectNode obj = nodes.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                obj.set(f.getKey(), typeTree(f.getValue()));
            }
            return obj;
        }
        if (type.equals("object")) {
            return TextNode.valueOf(schema.path("description").asText("").equals("(nested object)") ? "any" : "object");
        }
        return TextNode.valueOf(scalarType(schema));
    }
}

package io.mlconnector.testkit.procore.models;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.procore.internal.json.ProcoreJson;
import io.mlconnector.testkit.procore.spec.ProcoreOperations;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds Procore response bodies from the facts table's type trees, with every field the spec lists present in the
 * spec's JSON type, and compares what the client's {@link ProcoreJson} mapper made of them.
 *
 * <p>Sample values are deterministic: integers count up from 1001 in field order, numbers are {@code 1234.5} (or
 * the next integer, when the model reads an integer),
 * booleans {@code true}, {@code string:date} {@code 2026-03-15}, {@code string:date-time}
 * {@code 2026-03-15T10:20:30Z}, {@code object} {@code {}} and {@code any} null. A plain {@code string} is
 * {@code "s-<field>"}, unless the model reads the field as a number, date, time or boolean: then the string holds one
 * ({@code "1234.50"}, {@code "1001"}, a date, a time, {@code "true"}), as Procore's money strings do. The JSON type is
 * always the spec's; only the text inside a string follows the model.
 */
final class SpecSamples {

    private final ObjectMapper mapper = ProcoreJson.newObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final ProcoreOperations ops = ProcoreOperations.standard();
    private int counter;

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * One object of the body read as {@code model}: the body itself, its first element when it is an array, and
     * inside a {@code data} envelope when the body has one.
     */
    JsonNode element(String operationId, Class<?> model) {
        JsonNode tree = ops.byId(operationId).orElseThrow().successResponse().orElseThrow().schema();
        counter = 1000;
        JsonNode t = tree;
        boolean data = t.isObject() && t.size() == 1 && t.has("data");
        if (data) {
            t = t.get("data");
        }
        if (t.isArray()) {
            t = t.get(0);
        }
        return sample(t, mapper.constructType(model), "root");
    }

    private JsonNode sample(JsonNode type, JavaType javaType, String field) {
        if (type.isObject()) {
            ObjectNode out = nodes.objectNode();
            Map<String, JavaType> props = properties(javaType);
            Iterator<Map.Entry<String, JsonNode>> it = type.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), sample(f.getValue(), props.get(f.getKey()), f.getKey()));
            }
            return out;
        }
        if (type.isArray()) {
            ArrayNode arr = nodes.arrayNode();
            JavaType element = javaType != null && javaType.isContainerType() ? javaType.getContentType() : null;
            arr.add(sample(type.get(0), element, field));
            return arr;
        }
        return scalar(type.asText(), javaType, field);
    }

    private JsonNode scalar(String type, JavaType javaType, String field) {
        Class<?> raw = javaType == null ? Object.class : javaType.getRawClass();
        switch (type) {
            case "integer":
                return nodes.numberNode(++counter);
            case "number":
                if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
                    return nodes.numberNode(++counter);
                }
                return nodes.numberNode(new BigDecimal("1234.5"));
            case "boolean":
                return nodes.booleanNode(true);
            case "string:date":
                return nodes.textNode("2026-03-15");
            case "string:date-time":
                return nodes.textNode("2026-03-15T10:20:30Z");
            case "object":
                return nodes.objectNode();
            case "any":
                return nodes.nullNode();
            case "string":
                if (raw == BigDecimal.class || raw == Double.class || raw == double.class || raw == Float.class) {
                    return nodes.textNode("1234.50");
                }
                if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
                    return nodes.textNode(Integer.toString(++counter));
                }
                if (raw == LocalDate.class) {
                    return nodes.textNode("2026-03-15");
                }
                if (raw == Instant.class || raw == OffsetDateTime.class) {
                    return nodes.textNode("2026-03-15T10:20:30Z");
                }
                if (raw == Boolean.class || raw == boolean.class) {
                    return nodes.textNode("true");
                }
                return nodes.textNode("s-" + field);
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
    }

    /** JSON name (and aliases) to property type of a record the mapper reads; empty for anything else. */
    private Map<String, JavaType> properties(JavaType type) {
        Map<String, JavaType> out = new HashMap<>();
        if (type == null || !type.getRawClass().isRecord()) {
            return out;
        }
        BeanDescription desc = mapper.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition p : desc.findProperties()) {
            out.put(p.getName(), p.getPrimaryType());
            for (PropertyName alias : Optional.ofNullable(p.findAliases()).orElse(List.of())) {
                out.put(alias.getSimpleName(), p.getPrimaryType());
            }
        }
        return out;
    }

    /** Reads a sample as the model. */
    <T> T read(JsonNode node, Class<T> model) throws Exception {
        return mapper.treeToValue(node, model);
    }

    /**
     * Where {@code value} (read from {@code node}) does not carry what the node says: every scalar property of the
     * record (and of nested records and lists of them) whose JSON field the node has.
     */
    List<String> differences(JsonNode node, Object value) throws Exception {
        List<String> out = new ArrayList<>();
        compare(node, value, "$", out);
        return out;
    }

    private void compare(JsonNode node, Object value, String at, List<String> out) throws Exception {
        if (node == null || node.isNull() || value == null) {
            return;
        }
        Class<?> type = value.getClass();
        if (value instanceof List<?> list) {
            for (int i = 0; i < Math.min(list.size(), node.size()); i++) {
                compare(node.get(i), list.get(i), at + "[" + i + "]", out);
            }
            return;
        }
        if (!type.isRecord()) {
            if (!scalarEquals(node, value)) {
                out.add(at + ": JSON " + node + " read as " + value);
            }
            return;
        }
        BeanDescription desc = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        for (BeanPropertyDefinition p : desc.findProperties()) {
            RecordComponent component = component(type, p.getInternalName());
            if (component == null) {
                continue;
            }
            Object v = component.getAccessor().invoke(value);
            List<String> names = new ArrayList<>(List.of(p.getName()));
            Optional.ofNullable(p.findAliases()).orElse(List.of()).forEach(a -> names.add(a.getSimpleName()));
            for (String name : names) {
                JsonNode child = node.get(name);
                if (child != null && !child.isNull()) {
                    if (v == null) {
                        out.add(at + "." + name + ": JSON " + abbreviate(child) + " read as null");
                    } else if (isScalar(v) || v instanceof List<?> || v.getClass().isRecord()) {
                        compare(child, v, at + "." + name, out);
                    }
                }
            }
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static boolean isScalar(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof LocalDate
            || v instanceof Instant || v instanceof OffsetDateTime;
    }

    private static boolean scalarEquals(JsonNode node, Object v) {
        String text = node.asText();
        if (v instanceof BigDecimal d) {
            return node.isValueNode() && new BigDecimal(text).compareTo(d) == 0;
        }
        if (v instanceof Long || v instanceof Integer) {
            return node.isValueNode() && text.equals(v.toString());
        }
        if (v instanceof LocalDate d) {
            return text.startsWith(d.toString());
        }
        if (v instanceof Instant i) {
            // the spec types some timestamps as dates ("2026-03-15"): those read as the start of that day in UTC
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().equals(i)
                : OffsetDateTime.parse(text).toInstant().equals(i);
        }
        if (v instanceof Boolean || v instanceof String || v instanceof Double) {
            return text.equals(v.toString()) || (v instanceof Double dd && node.isNumber()
                && node.doubleValue() == dd);
        }
        return true;
    }
}

package io.mlconnector.testkit.procore.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks JSON values against a response type tree of the facts table: a JSON object maps field names to types, a
 * one-element array is an array of that element type, and a string names a scalar: {@code integer}, {@code number},
 * {@code string}, {@code string:date} ({@code yyyy-MM-dd}), {@code string:date-time} (ISO-8601 with offset),
 * {@code boolean}, {@code object} (any object) or {@code any}.
 *
 * <p>JSON null is allowed everywhere. Fields the value carries that the tree does not list are not judged (the
 * published spec is not exhaustive); every field it lists that the value carries must have the listed JSON type.
 */
public final class TypeTree {

    private TypeTree() {
    }

    /**
     * The mismatches of {@code value} against {@code type}, each as {@code <json path>: expected X, got Y}.
     *
     * @param type the type
     * @param value the value
     * @return the mismatches of {@code value} against {@code type}, each as {@code <json path>: expected X, got Y}
     */
    public static List<String> mismatches(JsonNode type, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(type, value, "$", out);
        return out;
    }

    private static void check(JsonNode type, JsonNode value, String at, List<String> out) {
        if (value == null || value.isNull() || value.isMissingNode() || type == null || type.isNull()) {
            return;
        }
        if (type.isObject()) {
            if (!value.isObject()) {
                out.add(at + ": expected object, got " + kind(value));
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = type.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                check(f.getValue(), value.get(f.getKey()), at + "." + f.getKey(), out);
            }
            return;
        }
        if (type.isArray()) {
            if (!value.isArray()) {
                out.add(at + ": expected array, got " + kind(value));
                return;
            }
            JsonNode element = type.size() == 0 ? null : type.get(0);
            for (int i = 0; i < value.size(); i++) {
                check(element, value.get(i), at + "[" + i + "]", out);
            }
            return;
        }
        String expected = type.asText();
        if (!scalarOk(expected, value)) {
            out.add(at + ": expected " + expected + ", got " + kind(value) + " " + abbreviate(value));
        }
    }

    private static boolean scalarOk(String expected, JsonNode value) {
        switch (expected) {
            case "any":
                return true;
            case "object":
                return value.isObject();
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            case "string":
                return value.isTextual();
            case "string:date":
                return value.isTextual() && parses(() -> LocalDate.parse(value.asText()));
            case "string:date-time":
                return value.isTextual() && parses(() -> OffsetDateTime.parse(value.asText()));
            default:
                throw new IllegalArgumentException("unknown type in type tree: " + expected);
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String kind(JsonNode v) {
        if (v.isObject()) {
            return "object";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        return "string";
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Small helpers for the Procore JSON documents. */
final class Docs {

    private Docs() {
    }

    /** Copies input fields into the document, skipping read-only and internal ones. */
    static void merge(ObjectNode target, JsonNode input, Set<String> readOnly) {
        if (input == null || !input.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = input.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("_") && !readOnly.contains(e.getKey()) && !e.getKey().equals("id")) {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Long longOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void requireText(JsonNode n, String field) {
        if (n.path(field).asText("").isBlank()) {
            throw ProcoreValidationException.unprocessable(field, "can't be blank");
        }
    }
}

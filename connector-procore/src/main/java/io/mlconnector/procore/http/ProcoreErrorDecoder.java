package io.mlconnector.procore.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.FieldError;
import io.mlconnector.core.http.ApiResponse;
import io.mlconnector.core.http.ErrorDecoder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes every error body shape Procore is documented to use (procore.md §5.1, fixtures):
 * <ul>
 *   <li>{@code {"errors":{"field":["msg",…]}}} (validation, sync items) → field errors;</li>
 *   <li>{@code {"errors":"Unauthorized"}} and {@code {"errors":["…"]}} → message;</li>
 *   <li>{@code {"error":"invalid_client","error_description":"…"}} (OAuth) → code + message;</li>
 *   <li>{@code {"message":"…","error":"…"}} (budget line item 422);</li>
 *   <li>{@code {"base":["…"],"fields":{"label":"…"}}} ({@code ErrorsResponse});</li>
 *   <li>{@code {"code":401,"message":"…","fields":"…","reason":"…","error":"…"}} (generic 4xx schema);</li>
 *   <li>{@code {"error":{"code","message","details":[{"reason_code","message"}]}}} (Document Management v2);</li>
 *   <li>plain text (the 429 body) or anything unparseable → the text as the message.</li>
 * </ul>
 * Always keeps the raw body and the {@code X-Request-Id} header; never throws.
 */
public final class ProcoreErrorDecoder implements ErrorDecoder {
    private static final int MAX_MESSAGE = 500;
    private final ObjectMapper mapper;

    /**
     * Creates a {@code ProcoreErrorDecoder}.
     *
     * @param mapper the JSON mapper to use
     */
    public ProcoreErrorDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ApiError decode(ApiResponse response) {
        String raw = response.bodyAsString();
        String requestId = response.header("X-Request-Id").orElse(null);
        JsonNode root = parse(raw);
        if (root == null || !root.isObject()) {
            String text = raw == null || raw.isBlank() ? defaultMessage(response.status()) : clip(raw.trim());
            if (root != null && root.isArray()) {
                text = joinTexts(root);
            }
            return new ApiError(response.status(), text, List.of(), List.of(), requestId, raw);
        }
        List<String> messages = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        List<FieldError> fields = new ArrayList<>();

        JsonNode errors = root.get("errors");
        if (errors != null) {
            readMessagesOrFields(errors, messages, fields);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            // Document Management v2: {"error":{"code","message","details":[{"reason_code","message"}]}}
            addCode(codes, error.get("code"));
            addText(messages, error.get("message"));
            JsonNode details = error.get("details");
            if (details != null && details.isArray()) {
                for (JsonNode d : details) {
                    fields.add(new FieldError(textOrNull(d.get("field")), textOrNull(d.get("reason_code")),
                            textOrNull(d.get("message"))));
                }
            }
        } else if (error != null && !error.isNull()) {
            String e = error.asText();
            // OAuth style: a short snake_case key is a code; a sentence is a message
            if (e.matches("[a-z][a-z0-9_]*")) {
                codes.add(e);
            } else {
                messages.add(e);
            }
        }
        addText(messages, root.get("error_description"));
        addText(messages, root.get("message"));
        addText(messages, root.get("reason"));
        addCode(codes, root.get("code"));
        JsonNode base = root.get("base");
        if (base != null) {
            readTexts(base, messages);
        }
        JsonNode f = root.get("fields");
        if (f != null) {
            readMessagesOrFields(f, messages, fields);
        }
        String message;
        if (!messages.isEmpty()) {
            message = String.join("; ", new LinkedHashSet<>(messages));
        } else if (!fields.isEmpty()) {
            FieldError first = fields.get(0);
            message = (first.field() == null ? "" : first.field() + " ") + first.message();
        } else if (!codes.isEmpty()) {
            message = String.join(", ", codes);
        } else {
            message = defaultMessage(response.status());
        }
        return new ApiError(response.status(), clip(message), List.copyOf(codes), fields, requestId, raw);
    }

    private JsonNode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.trim();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            return mapper.readTree(t);
        } catch (Exception e) {
            return null;
        }
    }

    private static void readMessagesOrFields(JsonNode node, List<String> messages, List<FieldError> fields) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> texts = new ArrayList<>();
                readTexts(e.getValue(), texts);
                if (texts.isEmpty()) {
                    texts.add("is invalid");
                }
                for (String t : texts) {
                    if ("base".equals(e.getKey())) {
                        messages.add(t);
                    } else {
                        fields.add(new FieldError(e.getKey(), null, t));
                    }
                }
            }
        } else {
            readTexts(node, messages);
        }
    }

    private static void readTexts(JsonNode node, List<String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> readTexts(n, out));
        } else if (node.isObject()) {
            JsonNode m = node.get("message");
            out.add(m != null ? m.asText() : node.toString());
        } else if (!node.asText().isBlank()) {
            out.add(node.asText());
        }
    }

    private static String joinTexts(JsonNode node) {
        List<String> out = new ArrayList<>();
        readTexts(node, out);
        return clip(String.join("; ", out));
    }

    private static void addText(List<String> out, JsonNode node) {
        if (node != null && !node.isNull() && node.isValueNode() && !node.asText().isBlank()) {
            out.add(node.asText());
        }
    }

    private static void addCode(Set<String> codes, JsonNode node) {
        if (node != null && !node.isNull() && node.isValueNode() && !node.asText().isBlank()) {
            codes.add(node.asText());
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String clip(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }

    private static String defaultMessage(int status) {
        return "Procore answered HTTP " + status;
    }
}

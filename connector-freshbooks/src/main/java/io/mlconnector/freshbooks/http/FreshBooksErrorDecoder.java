package io.mlconnector.freshbooks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.FieldError;
import io.mlconnector.core.http.ApiResponse;
import io.mlconnector.core.http.ErrorDecoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every FreshBooks error body shape (api/freshbooks.md §4.1) into an {@link ApiError} with errno codes and
 * field errors; the HTTP status stays the primary signal. Shapes:
 * <ol>
 *   <li>accounting legacy {@code {"response":{"errors":[{errno, field, message, object, value}]}}}</li>
 *   <li>google.rpc {@code {"code":5,"message":…,"details":[{"reason":"1012","metadata":{field, message}}]}} and the
 *       events {@code BadRequest.fieldViolations} variant</li>
 *   <li>auth {@code {"error":"unauthenticated","error_description":…}}</li>
 *   <li>events {@code {"errno":422,"message":…,"details":["field: message", …]}}</li>
 *   <li>projects {@code {"error":"…"}}, {@code {"errno":2001,"error":{field: message, "__root__": …}}},
 *       {@code {"message":"…"}}</li>
 *   <li>business namespace {@code {"errors":{"message","status","details":[{"reason","metadata":{field, message}}]}}}</li>
 *   <li>payments {@code {"error_type","message","errors":[{error_type, message, field}]}}</li>
 * </ol>
 * Never throws: an unknown or non-JSON body becomes a message with the status.
 */
public final class FreshBooksErrorDecoder implements ErrorDecoder {
    private static final int MAX_MESSAGE = 500;
    private final ObjectMapper mapper;

    /**
     * Creates a {@code FreshBooksErrorDecoder}.
     *
     * @param mapper the JSON mapper to use
     */
    public FreshBooksErrorDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ApiError decode(ApiResponse response) {
        return decode(response.status(), response.bodyAsString(), response.header("X-Request-Id").orElse(null));
    }

    /**
     * Decodes a body given its HTTP status.
     *
     * @param status the status
     * @param body the request body
     * @param requestId the request id
     * @return the decode
     */
    public ApiError decode(int status, String body, String requestId) {
        try {
            JsonNode root = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (root != null && root.isObject()) {
                Parsed p = parse(root);
                if (p != null) {
                    String message = p.message == null || p.message.isBlank() ? "HTTP " + status : p.message;
                    return new ApiError(status, message, List.copyOf(p.codes), p.fields, requestId, body);
                }
            }
        } catch (Exception e) {
            // not JSON or an unexpected shape: fall through to the plain description
        }
        String text = body == null || body.isBlank() ? "HTTP " + status : truncate(body.trim());
        return new ApiError(status, text, List.of(), List.of(), requestId, body);
    }

    private Parsed parse(JsonNode root) {
        JsonNode legacy = root.path("response").path("errors");
        if (legacy.isArray()) {
            return legacyAccounting(legacy);
        }
        if (root.has("errno")) {
            return errnoShape(root);
        }
        if (root.path("errors").isObject()) {
            return businessShape(root.path("errors"));
        }
        if (root.path("details").isArray() && (root.has("code") || hasTypedDetails(root.path("details")))) {
            return googleRpc(root);
        }
        if (root.hasNonNull("error_type")) {
            return paymentsShape(root);
        }
        if (root.path("error").isTextual()) {
            Parsed p = new Parsed();
            String error = root.path("error").asText();
            if (root.hasNonNull("error_description")) {
                p.codes.add(error);
                p.message = root.path("error_description").asText();
            } else if (error.matches("[a-z_]+")) {
                p.codes.add(error);
                p.message = error;
            } else {
                p.message = error;
            }
            return p;
        }
        if (root.path("message").isTextual()) {
            Parsed p = new Parsed();
            p.message = root.path("message").asText();
            return p;
        }
        return null;
    }

    private static Parsed legacyAccounting(JsonNode errors) {
        Parsed p = new Parsed();
        List<String> messages = new ArrayList<>();
        for (JsonNode e : errors) {
            String errno = text(e.get("errno"));
            String message = text(e.get("message"));
            if (errno != null) {
                p.codes.add(errno);
            }
            if (message != null) {
                messages.add(message);
            }
            String field = text(e.get("field"));
            if (field != null) {
                p.fields.add(new FieldError(field, errno, message));
            }
        }
        p.message = String.join("; ", messages);
        return p;
    }

    private static Parsed googleRpc(JsonNode root) {
        Parsed p = new Parsed();
        List<String> messages = new ArrayList<>();
        for (JsonNode d : root.path("details")) {
            String reason = text(d.get("reason"));
            JsonNode meta = d.path("metadata");
            if (reason != null) {
                p.codes.add(reason);
                String field = text(meta.get("field"));
                String message = text(meta.get("message"));
                if (message != null) {
                    messages.add(message);
                }
                if (field != null) {
                    p.fields.add(new FieldError(field, reason, message));
                }
            }
            for (JsonNode v : d.path("fieldViolations")) {
                String field = text(v.get("field"));
                String description = text(v.get("description"));
                p.fields.add(new FieldError(field, null, description));
                messages.add(field == null ? description : field + ": " + description);
            }
        }
        String top = text(root.get("message"));
        if (messages.isEmpty()) {
            p.message = top;
        } else {
            p.message = (top == null ? "" : top + " ") + String.join("; ", messages);
        }
        return p;
    }

    private static Parsed errnoShape(JsonNode root) {
        Parsed p = new Parsed();
        String errno = text(root.get("errno"));
        if (errno != null) {
            p.codes.add(errno);
        }
        JsonNode error = root.get("error");
        List<String> messages = new ArrayList<>();
        if (error != null && error.isObject()) {
            for (Map.Entry<String, JsonNode> f : error.properties()) {
                String msg = f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString();
                boolean root0 = "__root__".equals(f.getKey());
                if (!"title".equals(f.getKey()) && !"description".equals(f.getKey())) {
                    p.fields.add(new FieldError(root0 ? null : f.getKey(), errno, msg));
                }
                messages.add(root0 || "title".equals(f.getKey()) || "description".equals(f.getKey())
                        ? msg : f.getKey() + ": " + msg);
            }
        } else if (error != null && error.isTextual()) {
            messages.add(error.asText());
        }
        String message = text(root.get("message"));
        if (message != null) {
            messages.add(0, message);
        }
        for (JsonNode d : root.path("details")) {
            if (d.isTextual()) {
                String s = d.asText();
                int colon = s.indexOf(':');
                if (colon > 0 && !s.substring(0, colon).contains(" ")) {
                    p.fields.add(new FieldError(s.substring(0, colon).trim(), errno, s.substring(colon + 1).trim()));
                } else {
                    p.fields.add(new FieldError(null, errno, s));
                }
                messages.add(s);
            }
        }
        p.message = String.join("; ", new LinkedHashSet<>(messages));
        return p;
    }

    private static Parsed businessShape(JsonNode errors) {
        Parsed p = new Parsed();
        List<String> messages = new ArrayList<>();
        for (JsonNode d : errors.path("details")) {
            String reason = text(d.get("reason"));
            JsonNode meta = d.path("metadata");
            String field = text(meta.get("field"));
            String message = text(meta.get("message"));
            if (field != null) {
                p.fields.add(new FieldError(field, null, message != null ? message : reason));
            }
            if (reason != null) {
                messages.add(reason);
            } else if (message != null) {
                messages.add(message);
            }
        }
        String top = text(errors.get("message"));
        p.message = messages.isEmpty() ? top : (top == null ? "" : top + ": ") + String.join("; ", messages);
        return p;
    }

    private static Parsed paymentsShape(JsonNode root) {
        Parsed p = new Parsed();
        p.codes.add(root.path("error_type").asText());
        List<String> messages = new ArrayList<>();
        String top = text(root.get("message"));
        if (top != null) {
            messages.add(top);
        }
        for (JsonNode e : root.path("errors")) {
            String code = text(e.get("error_type"));
            String message = text(e.get("message"));
            p.fields.add(new FieldError(text(e.get("field")), code, message));
            if (message != null) {
                messages.add(message);
            }
        }
        p.message = String.join("; ", messages);
        return p;
    }

    private static boolean hasTypedDetails(JsonNode details) {
        for (JsonNode d : details) {
            if (d.has("@type") || d.has("reason")) {
                return true;
            }
        }
        return false;
    }

    /** A node's text, or null for absent, null or blank values. */
    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }

    private static final class Parsed {
        final Set<String> codes = new LinkedHashSet<>();
        final List<FieldError> fields = new ArrayList<>();
        String message;
    }
}

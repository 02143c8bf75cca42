package io.mlconnector.core.sync.internal.flow;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small text payload of a work item: form-encoded ids and flags ({@code id=123&action=update}). Never object
 * data, never secrets.
 */
public final class WorkPayload {
    public static final String ID = "id";
    public static final String ACTION = "action";
    public static final String PROJECT = "project";
    public static final String EVENT = "event";
    public static final String SOURCE = "source";
    public static final String VIA = "via";

    private final Map<String, String> values;

    private WorkPayload(Map<String, String> values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static WorkPayload parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        return new WorkPayload(m);
    }

    public String get(String key) {
        return values.get(key);
    }

    public String encode() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return encode();
    }

    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        public Builder put(String key, Object value) {
            if (value != null) {
                values.put(key, String.valueOf(value));
            }
            return this;
        }

        public WorkPayload build() {
            return new WorkPayload(new LinkedHashMap<>(values));
        }
    }
}

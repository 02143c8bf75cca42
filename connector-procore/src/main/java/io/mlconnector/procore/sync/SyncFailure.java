package io.mlconnector.procore.sync;

import java.util.List;
import java.util.Map;

/**
 * One item a sync call refused: Procore echoes the submitted attributes and adds
 * {@code "errors": {"field": ["message", …]}} (procore.md §3.12).
 *
 * @param id          the submitted {@code id}, if any
 * @param originId    the submitted {@code origin_id}, if any
 * @param submitted   the attributes echoed back (without {@code errors})
 * @param fieldErrors messages per field
 */
public record SyncFailure(Long id, String originId, Map<String, Object> submitted, Map<String, List<String>> fieldErrors) {
    /**
     * Checks the components.
     *
     * @param id the submitted {@code id}, if any
     * @param originId the submitted {@code origin_id}, if any
     * @param submitted the attributes echoed back (without {@code errors})
     * @param fieldErrors messages per field
     */
    public SyncFailure {
        submitted = submitted == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(submitted));
        fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    /**
     * All messages as {@code field: message; …}.
     *
     * @return all messages as {@code field: message; …}
     */
    public String message() {
        StringBuilder sb = new StringBuilder();
        fieldErrors.forEach((field, messages) -> messages.forEach(m -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(field).append(": ").append(m);
        }));
        return sb.length() == 0 ? "rejected" : sb.toString();
    }
}

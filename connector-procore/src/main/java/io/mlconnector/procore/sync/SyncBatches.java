package io.mlconnector.procore.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.procore.http.UnexpectedResponseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits a sync into batches of at most {@value #MAX_BATCH} items (Procore's limit), sends each, and merges the
 * {@code {"entities": [...], "errors": [...]}} answers into one {@link SyncResult}.
 */
public final class SyncBatches {
    /** The most items Procore accepts in one sync call. */
    public static final int MAX_BATCH = 1000;

    private SyncBatches() {
    }

    /**
     * Sends {@code items} in batches and merges the answers.
     *
     * @param items     all items
     * @param batchSize requested batch size, clamped to 1..{@value #MAX_BATCH}
     * @param send      sends one batch and returns the answer body
     * @param mapper    reads entities
     * @param type      entity type
     * @param <I>       the item type
     * @param <T>       the entity type
     * @return the entities Procore accepted and the items it rejected, over every batch
     */
    public static <I, T> SyncResult<T> run(List<I> items, int batchSize, Function<List<I>, JsonNode> send,
                                           ObjectMapper mapper, Class<T> type) {
        int size = Math.max(1, Math.min(MAX_BATCH, batchSize));
        SyncResult<T> result = SyncResult.empty();
        for (int from = 0; from < items.size(); from += size) {
            List<I> batch = items.subList(from, Math.min(items.size(), from + size));
            result = result.merge(parse(send.apply(List.copyOf(batch)), mapper, type));
        }
        return result;
    }

    /**
     * Reads one sync answer.
     *
     * @param body the request body
     * @param mapper the JSON mapper to use
     * @param type the type
     * @param <T> the result type
     * @return the {@code SyncResult}
     */
    public static <T> SyncResult<T> parse(JsonNode body, ObjectMapper mapper, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new UnexpectedResponseException("a sync answer must be an object with entities and errors", null);
        }
        List<T> entities = new ArrayList<>();
        JsonNode e = body.path("entities");
        try {
            for (JsonNode n : e) {
                entities.add(mapper.treeToValue(n, type));
            }
        } catch (Exception ex) {
            throw new UnexpectedResponseException("cannot read sync entity as " + type.getSimpleName(), ex);
        }
        List<SyncFailure> failures = new ArrayList<>();
        for (JsonNode n : body.path("errors")) {
            failures.add(failure(n, mapper));
        }
        return new SyncResult<>(entities, failures);
    }

    private static SyncFailure failure(JsonNode n, ObjectMapper mapper) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!"errors".equals(f.getKey())) {
                submitted.put(f.getKey(), mapper.convertValue(f.getValue(), new TypeReference<Object>() { }));
            }
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        JsonNode errs = n.path("errors");
        if (errs.isObject()) {
            errs.fields().forEachRemaining(f -> {
                List<String> messages = new ArrayList<>();
                if (f.getValue().isArray()) {
                    f.getValue().forEach(m -> messages.add(m.asText()));
                } else {
                    messages.add(f.getValue().asText());
                }
                errors.put(f.getKey(), List.copyOf(messages));
            });
        } else if (errs.isArray() || errs.isTextual()) {
            List<String> messages = new ArrayList<>();
            if (errs.isArray()) {
                errs.forEach(m -> messages.add(m.asText()));
            } else {
                messages.add(errs.asText());
            }
            errors.put("base", List.copyOf(messages));
        }
        Long id = n.hasNonNull("id") && n.get("id").canConvertToLong() ? n.get("id").asLong() : null;
        String originId = n.hasNonNull("origin_id") ? n.get("origin_id").asText() : null;
        return new SyncFailure(id, originId, submitted, errors);
    }
}

package io.mlconnector.freshbooks.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.http.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Unwraps FreshBooks' envelopes: accounting/events {@code {"response":{"result":{"<key>":…, "page":…}}}}, projects
 * and time tracking bare {@code {"<key>":…, "meta":{…}}}, identity {@code {"response":{…}}} and the business-uuid
 * namespace {@code {"data":…}}.
 */
public final class Envelopes {
    private Envelopes() {
    }

    /**
     * {@code response.result} of an accounting or events answer.
     *
     * @param root the root
     * @return the accounting result
     */
    public static JsonNode accountingResult(JsonNode root) {
        JsonNode result = root.path("response").path("result");
        if (!result.isObject()) {
            throw new UnexpectedResponseException("expected {\"response\":{\"result\":{...}}} but got " + shape(root));
        }
        return result;
    }

    /**
     * The single object under {@code response.result.<key>}.
     *
     * @param root the root
     * @param key the key
     * @return the single object under {@code response.result.<key>}
     */
    public static JsonNode accountingSingle(JsonNode root, String key) {
        return required(accountingResult(root), key, "response.result.");
    }

    /**
     * One page of an accounting list: items under {@code key}, paging beside it.
     *
     * @param root the root
     * @param key the key
     * @param reader the reader
     * @param <T> the result type
     * @return one page of an accounting list: items under {@code key}, paging beside it
     */
    public static <T> Page<T> accountingPage(JsonNode root, String key, Function<JsonNode, T> reader) {
        JsonNode result = accountingResult(root);
        return page(result, result, key, reader, "response.result.");
    }

    /**
     * The single object under a bare top-level {@code key}.
     *
     * @param root the root
     * @param key the key
     * @return the single object under a bare top-level {@code key}
     */
    public static JsonNode bareSingle(JsonNode root, String key) {
        return required(root, key, "");
    }

    /**
     * One page of a projects/time-tracking list: items under {@code key}, paging in {@code meta}.
     *
     * @param root the root
     * @param key the key
     * @param reader the reader
     * @param <T> the result type
     * @return one page of a projects/time-tracking list: items under {@code key}, paging in {@code meta}
     */
    public static <T> Page<T> metaPage(JsonNode root, String key, Function<JsonNode, T> reader) {
        return page(root, root.path("meta"), key, reader, "");
    }

    /**
     * The {@code response} object of an identity answer.
     *
     * @param root the root
     * @return the {@code response} object of an identity answer
     */
    public static JsonNode response(JsonNode root) {
        return required(root, "response", "");
    }

    /**
     * The {@code data} member of a business-uuid answer.
     *
     * @param root the root
     * @return the {@code data} member of a business-uuid answer
     */
    public static JsonNode data(JsonNode root) {
        return required(root, "data", "");
    }

    private static <T> Page<T> page(JsonNode holder, JsonNode paging, String key, Function<JsonNode, T> reader,
                                    String where) {
        JsonNode list = holder.path(key);
        if (!list.isArray()) {
            throw new UnexpectedResponseException("expected a list at " + where + key + " but got " + shape(holder));
        }
        List<T> items = new ArrayList<>(list.size());
        list.forEach(n -> items.add(reader.apply(n)));
        long total = paging.path("total").asLong(-1);
        boolean hasNext;
        if (paging.hasNonNull("page") && paging.hasNonNull("pages")) {
            hasNext = paging.path("page").asInt() < paging.path("pages").asInt();
        } else if (paging.hasNonNull("per_page")) {
            hasNext = !items.isEmpty() && items.size() >= paging.path("per_page").asInt();
        } else {
            hasNext = false;
        }
        return new Page<>(items, hasNext, total);
    }

    private static JsonNode required(JsonNode holder, String key, String where) {
        JsonNode n = holder.get(key);
        if (n == null || n.isNull() || n.isMissingNode()) {
            throw new UnexpectedResponseException("expected " + where + key + " but got " + shape(holder));
        }
        return n;
    }

    /** The field names of a node, to describe an unexpected answer without echoing its data. */
    static String shape(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (!n.isObject()) {
            return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return "an object with keys " + names;
    }
}

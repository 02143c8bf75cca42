package io.mlconnector.freshbooks.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.Page;
import io.mlconnector.core.http.Paginator;
import io.mlconnector.freshbooks.http.Envelopes;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.AccountingQuery;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Shared plumbing of the accounting-style resources (accounting and events namespaces): envelope
 * {@code response.result.<key>}, bodies wrapped in the singular key, soft delete through {@code vis_state} sent
 * alone. Subclasses expose the typed operations the API supports for their resource.
 *
 * @param <T> the record type of the resource
 */
public abstract class AccountingResource<T> {
    /** The FreshBooks API calls go through. */
    protected final FreshBooksApi api;
    private final Supplier<String> basePath;
    private final String singleKey;
    private final String listKey;
    private final Class<T> type;

    /**
     * Creates a {@code AccountingResource}.
     *
     * @param api the FreshBooks API
     * @param basePath the base path
     * @param singleKey the single key
     * @param listKey the list key
     * @param type the type
     */
    protected AccountingResource(FreshBooksApi api, Supplier<String> basePath, String singleKey, String listKey,
                                 Class<T> type) {
        this.api = Objects.requireNonNull(api);
        this.basePath = basePath;
        this.singleKey = singleKey;
        this.listKey = listKey;
        this.type = type;
    }

    /**
     * One page (1-based) of a list.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return one page (1-based) of a list
     */
    protected Page<T> fetchPage(AccountingQuery<?> query, int page) {
        JsonNode root = api.send(HttpMethod.GET, basePath.get(), query.toParams(page), null);
        return Envelopes.accountingPage(root, listKey, n -> api.convert(n, type));
    }

    /**
     * Every item of a list, fetched page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return every item of a list, fetched page by page as the stream is consumed
     */
    protected Stream<T> fetchAll(AccountingQuery<?> query) {
        return Paginator.stream(page -> fetchPage(query, page));
    }

    /**
     * Fetches one item.
     *
     * @param id the item's id
     * @param params extra query parameters
     * @return the item
     */
    protected T fetchOne(Object id, QueryParams params) {
        JsonNode root = api.send(HttpMethod.GET, itemPath(id), params, null);
        return api.convert(Envelopes.accountingSingle(root, singleKey), type);
    }

    /**
     * Creates an item; a draft carrying {@code vis_state} is refused (it must travel alone).
     *
     * @param draft the fields to send
     * @return the created item
     */
    protected T postDraft(Object draft) {
        JsonNode root = api.send(HttpMethod.POST, basePath.get(), null, wrap(requireNoVisState(draft)));
        return api.convert(Envelopes.accountingSingle(root, singleKey), type);
    }

    /**
     * Updates an item; a draft carrying {@code vis_state} is refused (it must travel alone).
     *
     * @param id the item's id
     * @param draft the fields to send
     * @return the updated item
     */
    protected T putDraft(Object id, Object draft) {
        JsonNode root = api.send(HttpMethod.PUT, itemPath(id), null, wrap(requireNoVisState(draft)));
        return api.convert(Envelopes.accountingSingle(root, singleKey), type);
    }

    /**
     * PUT {@code {"<single>":{"vis_state":n}}} and nothing else (the vis_state phase discards other fields).
     *
     * @param id the object's id
     * @param state the vis state
     * @return PUT {@code {"<single>":{"vis_state":n}}} and nothing else (the vis_state phase discards other fields)
     */
    protected T putVisState(Object id, VisState state) {
        if (state == VisState.UNKNOWN) {
            throw new IllegalArgumentException("cannot set an unknown vis_state");
        }
        JsonNode root = api.send(HttpMethod.PUT, itemPath(id), null,
                Map.of(singleKey, Map.of("vis_state", state.code())));
        JsonNode result = root.path("response").path("result").path(singleKey);
        return result.isObject() ? api.convert(result, type) : null;
    }

    /**
     * HTTP DELETE of one item (resources without vis_state, or where the API documents it).
     *
     * @param id the object's id
     */
    protected void httpDelete(Object id) {
        api.send(HttpMethod.DELETE, itemPath(id), null, null);
    }

    /**
     * PUT of arbitrary fields; rejects {@code vis_state}, which must travel alone.
     *
     * @param id the object's id
     * @param fields the fields to set
     * @return PUT of arbitrary fields
     */
    protected T putFields(Object id, Map<String, ?> fields) {
        return putDraft(id, fields);
    }

    /**
     * The path of one item.
     *
     * @param id the item's id
     * @return the path
     */
    protected String itemPath(Object id) {
        return basePath.get() + "/" + QueryParams.enc(String.valueOf(id));
    }

    /**
     * The request body for a draft: {@code {"<single>": draft}}.
     *
     * @param draft the fields to send
     * @return the body
     */
    protected Map<String, Object> wrap(Object draft) {
        return Map.of(singleKey, draft);
    }

    private Object requireNoVisState(Object draft) {
        Objects.requireNonNull(draft, "draft");
        JsonNode tree = api.mapper().valueToTree(draft);
        if (tree.has("vis_state") || tree.has("ext_vis_state")) {
            throw new IllegalArgumentException("vis_state must travel alone: use delete(), archive() or restore() "
                    + "(a PUT with vis_state silently discards every other field)");
        }
        return draft;
    }
}

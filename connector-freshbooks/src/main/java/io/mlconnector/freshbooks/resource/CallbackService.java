package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Callback;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Webhook callbacks: {@code /events/account/{account_id}/events/callbacks}. A new callback is unverified until
 * {@link #verify} sends back the verifier FreshBooks POSTed to its URI; the verifier is also the signing secret.
 */
public final class CallbackService extends AccountingResource<Callback> {

    /**
     * Creates a {@code CallbackService}.
     *
     * @param api the FreshBooks API
     */
    public CallbackService(FreshBooksApi api) {
        super(api, () -> "/events/account/" + QueryParams.enc(api.accountId()) + "/events/callbacks", "callback",
                "callbacks", Callback.class);
    }

    /**
     * Registers {@code uri} for an event ({@code bill.create}) or a parent event ({@code bill}).
     *
     * @param event the event
     * @param uri the URI
     * @return the {@code Callback}
     */
    public Callback create(String event, String uri) {
        return postDraft(Map.of("event", Objects.requireNonNull(event), "uri", Objects.requireNonNull(uri)));
    }

    /**
     * Every callback matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching callbacks
     */
    public Stream<Callback> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * Callbacks for an event and its parent ({@code search[event]}).
     *
     * @param event the event
     * @return the for event
     */
    public Stream<Callback> listForEvent(String event) {
        return list(SearchQuery.create().equalTo("event", event));
    }

    /**
     * One page of the callbacks matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Callback> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one callback.
     *
     * @param id the callback's id
     * @return the callback
     */
    public Callback get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Changes the event and/or uri (null leaves a field unchanged).
     *
     * @param id the callback's id
     * @param event the event
     * @param uri the URI
     * @return the updated callback
     */
    public Callback update(long id, String event, String uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (event != null) {
            body.put("event", event);
        }
        if (uri != null) {
            body.put("uri", uri);
        }
        return putDraft(id, body);
    }

    /**
     * Confirms the callback with the verifier from the handshake POST: {@code {"callback":{"verifier":…}}}.
     *
     * @param id the callback's id
     * @param verifier the verifier
     * @return the callback
     */
    public Callback verify(long id, String verifier) {
        return putDraft(id, Map.of("verifier", Objects.requireNonNull(verifier, "verifier")));
    }

    /**
     * Asks FreshBooks to POST the verification handshake again: {@code {"callback":{"resend":true}}}.
     *
     * @param id the callback's id
     * @return the resend verification
     */
    public Callback resendVerification(long id) {
        return putDraft(id, Map.of("resend", true));
    }

    /**
     * HTTP DELETE (204).
     *
     * @param id the callback's id
     */
    public void delete(long id) {
        httpDelete(id);
    }
}

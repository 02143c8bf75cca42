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

    public CallbackService(FreshBooksApi api) {
        super(api, () -> "/events/account/" + QueryParams.enc(api.accountId()) + "/events/callbacks", "callback",
                "callbacks", Callback.class);
    }

    /** Registers {@code uri} for an event ({@code bill.create}) or a parent event ({@code bill}). */
    public Callback create(String event, String uri) {
        return postDraft(Map.of("event", Objects.requireNonNull(event), "uri", Objects.requireNonNull(uri)));
    }

    public Stream<Callback> list(SearchQuery query) {
        return fetchAll(query);
    }

    /** Callbacks for an event and its parent ({@code search[event]}). */
    public Stream<Callback> listForEvent(String event) {
        return list(SearchQuery.create().equalTo("event", event));
    }

    public Page<Callback> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    public Callback get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /** Changes the event and/or uri (null leaves a field unchanged). */
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

    /** Confirms the callback with the verifier from the handshake POST: {@code {"callback":{"verifier":…}}}. */
    public Callback verify(long id, String verifier) {
        return putDraft(id, Map.of("verifier", Objects.requireNonNull(verifier, "verifier")));
    }

    /** Asks FreshBooks to POST the verification handshake again: {@code {"callback":{"resend":true}}}. */
    public Callback resendVerification(long id) {
        return putDraft(id, Map.of("resend", true));
    }

    /** HTTP DELETE (204). */
    public void delete(long id) {
        httpDelete(id);
    }
}

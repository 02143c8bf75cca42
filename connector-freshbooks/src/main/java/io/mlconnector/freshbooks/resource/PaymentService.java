package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Payment;
import io.mlconnector.freshbooks.model.PaymentDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.time.Instant;
import java.util.stream.Stream;

/** Invoice payments: {@code /accounting/account/{account_id}/payments/payments}. */
public final class PaymentService extends AccountingResource<Payment> {

    /**
     * Creates a {@code PaymentService}.
     *
     * @param api the FreshBooks API
     */
    public PaymentService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("payments/payments"), "payment", "payments", Payment.class);
    }

    /**
     * Every payment matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching payments
     */
    public Stream<Payment> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the payments matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Payment> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one payment.
     *
     * @param id the payment's id
     * @return the payment
     */
    public Payment get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Payments updated since {@code since} (widened to the Eastern day before; UNCONFIRMED filter), plus deleted.
     *
     * @param since the earliest change time to include
     * @param includeDeleted whether to include deleted records
     * @return the payments
     */
    public Stream<Payment> updatedSince(Instant since, boolean includeDeleted) {
        Stream<Payment> live = list(SearchQuery.create().updatedSince(since));
        return includeDeleted ? Stream.concat(live, list(SearchQuery.create().updatedSince(since).deletedOnly())) : live;
    }

    /**
     * Creates a payment from the draft.
     *
     * @param draft the fields to send
     * @return the created payment, as FreshBooks stored it
     */
    public Payment create(PaymentDraft draft) {
        return postDraft(draft);
    }

    /**
     * Updates a payment with the draft's fields.
     *
     * @param id the payment's id
     * @param draft the fields to send
     * @return the updated payment
     */
    public Payment update(long id, PaymentDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * Marks a payment deleted ({@code vis_state} 1); FreshBooks keeps it and can restore it.
     *
     * @param id the payment's id
     * @return the payment as FreshBooks stored it
     */
    public Payment delete(long id) {
        return putVisState(id, VisState.DELETED);
    }
}

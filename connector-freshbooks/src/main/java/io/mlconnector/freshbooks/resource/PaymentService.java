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

    public PaymentService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("payments/payments"), "payment", "payments", Payment.class);
    }

    public Stream<Payment> list(SearchQuery query) {
        return fetchAll(query);
    }

    public Page<Payment> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    public Payment get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /** Payments updated since {@code since} (widened to the Eastern day before; UNCONFIRMED filter), plus deleted. */
    public Stream<Payment> updatedSince(Instant since, boolean includeDeleted) {
        Stream<Payment> live = list(SearchQuery.create().updatedSince(since));
        return includeDeleted ? Stream.concat(live, list(SearchQuery.create().updatedSince(since).deletedOnly())) : live;
    }

    public Payment create(PaymentDraft draft) {
        return postDraft(draft);
    }

    public Payment update(long id, PaymentDraft draft) {
        return putDraft(id, draft);
    }

    public Payment delete(long id) {
        return putVisState(id, VisState.DELETED);
    }
}

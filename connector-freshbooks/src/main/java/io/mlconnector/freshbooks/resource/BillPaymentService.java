package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.BillPayment;
import io.mlconnector.freshbooks.model.BillPaymentDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.util.stream.Stream;

/**
 * Bill payments: {@code /accounting/account/{account_id}/bill_payments/bill_payments}. They carry no timestamp, so
 * there is no "updated since" view: changes are found through the bills they pay.
 */
public final class BillPaymentService extends AccountingResource<BillPayment> {

    public BillPaymentService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("bill_payments/bill_payments"), "bill_payment", "bill_payments",
                BillPayment.class);
    }

    public Stream<BillPayment> list(SearchQuery query) {
        return fetchAll(query);
    }

    public Page<BillPayment> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /** Payments of one bill ({@code search[billid]}, UNCONFIRMED filter). */
    public Stream<BillPayment> forBill(long billId) {
        return list(SearchQuery.create().equalTo("billid", billId));
    }

    public BillPayment get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    public BillPayment create(BillPaymentDraft draft) {
        return postDraft(draft);
    }

    public BillPayment update(long id, BillPaymentDraft draft) {
        return putDraft(id, draft);
    }

    public BillPayment delete(long id) {
        return putVisState(id, VisState.DELETED);
    }
}

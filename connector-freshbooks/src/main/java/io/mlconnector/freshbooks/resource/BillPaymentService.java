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

    /**
     * Creates a {@code BillPaymentService}.
     *
     * @param api the FreshBooks API
     */
    public BillPaymentService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("bill_payments/bill_payments"), "bill_payment", "bill_payments",
                BillPayment.class);
    }

    /**
     * Every bill payment matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching bill payments
     */
    public Stream<BillPayment> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the bill payments matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<BillPayment> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Payments of one bill ({@code search[billid]}, UNCONFIRMED filter).
     *
     * @param billId the bill id
     * @return the bill payments
     */
    public Stream<BillPayment> forBill(long billId) {
        return list(SearchQuery.create().equalTo("billid", billId));
    }

    /**
     * Fetches one bill payment.
     *
     * @param id the bill payment's id
     * @return the bill payment
     */
    public BillPayment get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Creates a bill payment from the draft.
     *
     * @param draft the fields to send
     * @return the created bill payment, as FreshBooks stored it
     */
    public BillPayment create(BillPaymentDraft draft) {
        return postDraft(draft);
    }

    /**
     * Updates a bill payment with the draft's fields.
     *
     * @param id the bill payment's id
     * @param draft the fields to send
     * @return the updated bill payment
     */
    public BillPayment update(long id, BillPaymentDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * Marks a bill payment deleted ({@code vis_state} 1); FreshBooks keeps it and can restore it.
     *
     * @param id the bill payment's id
     * @return the bill payment as FreshBooks stored it
     */
    public BillPayment delete(long id) {
        return putVisState(id, VisState.DELETED);
    }
}

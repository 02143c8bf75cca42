package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Bill;
import io.mlconnector.freshbooks.model.BillDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.BillQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bills: {@code /accounting/account/{account_id}/bills/bills}. Bills document no updated filter, so
 * {@link #updatedSince} reads pages sorted {@code updated_at_desc} and stops at the cursor; if the answer is not
 * actually sorted (the sort is UNCONFIRMED for bills) it falls back to a full scan filtered client-side.
 */
public final class BillService extends AccountingResource<Bill> {

    /**
     * Creates a {@code BillService}.
     *
     * @param api the FreshBooks API
     */
    public BillService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("bills/bills"), "bill", "bills", Bill.class);
    }

    /**
     * Every bill matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching bills
     */
    public Stream<Bill> list(BillQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the bills matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Bill> page(BillQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * A bill with its lines and payments.
     *
     * @param id the bill's id
     * @return a bill with its lines and payments
     */
    public Bill get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * A bill with its lines, payments and the embedded vendor ({@code include[]=vendor}).
     *
     * @param id the bill's id
     * @return a bill with its lines, payments and the embedded vendor ({@code include[]=vendor})
     */
    public Bill getWithVendor(long id) {
        return fetchOne(id, QueryParams.empty().add("include[]", "vendor"));
    }

    /**
     * Bills whose {@code updated_at} is at or after {@code since - overlap}, newest first; deleted bills too when
     * {@code includeDeleted}. Stops reading as soon as a page reaches older bills, unless the server ignored the
     * sort, in which case every page is read and filtered.
     *
     * @param since the earliest change time to include
     * @param overlap the overlap
     * @param includeDeleted whether to include deleted records
     * @return the bills
     */
    public List<Bill> updatedSince(Instant since, Duration overlap, boolean includeDeleted) {
        Instant floor = since.minus(overlap);
        List<Bill> out = new ArrayList<>(scanNewestFirst(BillQuery.create().newestFirst(), floor));
        if (includeDeleted) {
            out.addAll(scanNewestFirst(BillQuery.create().newestFirst().deletedOnly(), floor));
        }
        return out;
    }

    private List<Bill> scanNewestFirst(BillQuery query, Instant floor) {
        List<Bill> out = new ArrayList<>();
        Instant previous = null;
        boolean sorted = true;
        for (int n = 1; ; n++) {
            Page<Bill> page = fetchPage(query, n);
            boolean reachedFloor = false;
            for (Bill b : page.items()) {
                Instant at = b.updatedAt();
                if (at != null && previous != null && at.isAfter(previous)) {
                    sorted = false; // the server ignored sort=updated_at_desc: read every page and filter
                }
                if (at == null || !at.isBefore(floor)) {
                    out.add(b);
                } else {
                    reachedFloor = true;
                }
                if (at != null) {
                    previous = at;
                }
            }
            if (!page.hasNext() || page.items().isEmpty() || (sorted && reachedFloor)) {
                return out;
            }
        }
    }

    /**
     * Creates a bill from the draft.
     *
     * @param draft the fields to send
     * @return the created bill, as FreshBooks stored it
     */
    public Bill create(BillDraft draft) {
        return postDraft(draft);
    }

    /**
     * Updates a bill with the draft's fields.
     *
     * @param id the bill's id
     * @param draft the fields to send
     * @return the updated bill
     */
    public Bill update(long id, BillDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * Updates only the given fields of a bill.
     *
     * @param id the bill's id
     * @param fields the fields to set
     * @return the updated bill
     */
    public Bill update(long id, Map<String, ?> fields) {
        return putFields(id, fields);
    }

    /**
     * Marks a bill deleted ({@code vis_state} 1); FreshBooks keeps it and can restore it.
     *
     * @param id the bill's id
     * @return the bill as FreshBooks stored it
     */
    public Bill delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    /**
     * Archives a bill ({@code vis_state} 2).
     *
     * @param id the bill's id
     * @return the archived bill
     */
    public Bill archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    /**
     * Restores a deleted or archived bill ({@code vis_state} 0).
     *
     * @param id the bill's id
     * @return the restored bill
     */
    public Bill restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}

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

    public BillService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("bills/bills"), "bill", "bills", Bill.class);
    }

    public Stream<Bill> list(BillQuery query) {
        return fetchAll(query);
    }

    public Page<Bill> page(BillQuery query, int page) {
        return fetchPage(query, page);
    }

    /** A bill with its lines and payments. */
    public Bill get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /** A bill with its lines, payments and the embedded vendor ({@code include[]=vendor}). */
    public Bill getWithVendor(long id) {
        return fetchOne(id, QueryParams.empty().add("include[]", "vendor"));
    }

    /**
     * Bills whose {@code updated_at} is at or after {@code since - overlap}, newest first; deleted bills too when
     * {@code includeDeleted}. Stops reading as soon as a page reaches older bills, unless the server ignored the
     * sort, in which case every page is read and filtered.
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

    public Bill create(BillDraft draft) {
        return postDraft(draft);
    }

    public Bill update(long id, BillDraft draft) {
        return putDraft(id, draft);
    }

    public Bill update(long id, Map<String, ?> fields) {
        return putFields(id, fields);
    }

    public Bill delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    public Bill archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    public Bill restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}

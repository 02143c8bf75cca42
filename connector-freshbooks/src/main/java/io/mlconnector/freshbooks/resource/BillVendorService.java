package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.BillVendor;
import io.mlconnector.freshbooks.model.BillVendorDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Bill vendors: {@code /accounting/account/{account_id}/bill_vendors/bill_vendors}. Vendor filters, including
 * {@code updated_min}, are UNCONFIRMED; {@link #updatedSince} sends the generic accounting form.
 */
public final class BillVendorService extends AccountingResource<BillVendor> {

    public BillVendorService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("bill_vendors/bill_vendors"), "bill_vendor", "bill_vendors",
                BillVendor.class);
    }

    public Stream<BillVendor> list(SearchQuery query) {
        return fetchAll(query);
    }

    public Page<BillVendor> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    public BillVendor get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /** Vendors updated since {@code since} (widened to the Eastern day before), plus deleted ones when asked. */
    public Stream<BillVendor> updatedSince(Instant since, boolean includeDeleted) {
        Stream<BillVendor> live = list(SearchQuery.create().updatedSince(since));
        return includeDeleted ? Stream.concat(live, list(SearchQuery.create().updatedSince(since).deletedOnly())) : live;
    }

    public BillVendor create(BillVendorDraft draft) {
        return postDraft(draft);
    }

    public BillVendor update(long id, BillVendorDraft draft) {
        return putDraft(id, draft);
    }

    public BillVendor delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    public BillVendor archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    public BillVendor restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}

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

    /**
     * Creates a {@code BillVendorService}.
     *
     * @param api the FreshBooks API
     */
    public BillVendorService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("bill_vendors/bill_vendors"), "bill_vendor", "bill_vendors",
                BillVendor.class);
    }

    /**
     * Every bill vendor matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching bill vendors
     */
    public Stream<BillVendor> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the bill vendors matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<BillVendor> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one bill vendor.
     *
     * @param id the bill vendor's id
     * @return the bill vendor
     */
    public BillVendor get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Vendors updated since {@code since} (widened to the Eastern day before), plus deleted ones when asked.
     *
     * @param since the earliest change time to include
     * @param includeDeleted whether to include deleted records
     * @return the bill vendors
     */
    public Stream<BillVendor> updatedSince(Instant since, boolean includeDeleted) {
        Stream<BillVendor> live = list(SearchQuery.create().updatedSince(since));
        return includeDeleted ? Stream.concat(live, list(SearchQuery.create().updatedSince(since).deletedOnly())) : live;
    }

    /**
     * Creates a bill vendor from the draft.
     *
     * @param draft the fields to send
     * @return the created bill vendor, as FreshBooks stored it
     */
    public BillVendor create(BillVendorDraft draft) {
        return postDraft(draft);
    }

    /**
     * Updates a bill vendor with the draft's fields.
     *
     * @param id the bill vendor's id
     * @param draft the fields to send
     * @return the updated bill vendor
     */
    public BillVendor update(long id, BillVendorDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * Marks a bill vendor deleted ({@code vis_state} 1); FreshBooks keeps it and can restore it.
     *
     * @param id the bill vendor's id
     * @return the bill vendor as FreshBooks stored it
     */
    public BillVendor delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    /**
     * Archives a bill vendor ({@code vis_state} 2).
     *
     * @param id the bill vendor's id
     * @return the archived bill vendor
     */
    public BillVendor archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    /**
     * Restores a deleted or archived bill vendor ({@code vis_state} 0).
     *
     * @param id the bill vendor's id
     * @return the restored bill vendor
     */
    public BillVendor restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}

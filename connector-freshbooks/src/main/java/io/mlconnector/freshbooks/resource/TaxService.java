package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Tax;
import io.mlconnector.freshbooks.model.TaxDraft;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.util.stream.Stream;

/** Taxes: {@code /accounting/account/{account_id}/taxes/taxes}; no vis_state, delete is HTTP DELETE. */
public final class TaxService extends AccountingResource<Tax> {

    /**
     * Creates a {@code TaxService}.
     *
     * @param api the FreshBooks API
     */
    public TaxService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("taxes/taxes"), "tax", "taxes", Tax.class);
    }

    /**
     * Every tax matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching taxes
     */
    public Stream<Tax> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the taxes matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Tax> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one tax.
     *
     * @param id the tax's id
     * @return the tax
     */
    public Tax get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Creates a tax from the draft.
     *
     * @param draft the fields to send
     * @return the created tax, as FreshBooks stored it
     */
    public Tax create(TaxDraft draft) {
        return postDraft(draft);
    }

    /**
     * Updates a tax with the draft's fields.
     *
     * @param id the tax's id
     * @param draft the fields to send
     * @return the updated tax
     */
    public Tax update(long id, TaxDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * HTTP DELETE (taxes have no vis_state).
     *
     * @param id the tax's id
     */
    public void delete(long id) {
        httpDelete(id);
    }
}

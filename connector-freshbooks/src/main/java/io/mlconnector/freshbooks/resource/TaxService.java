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

    public TaxService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("taxes/taxes"), "tax", "taxes", Tax.class);
    }

    public Stream<Tax> list(SearchQuery query) {
        return fetchAll(query);
    }

    public Page<Tax> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    public Tax get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    public Tax create(TaxDraft draft) {
        return postDraft(draft);
    }

    public Tax update(long id, TaxDraft draft) {
        return putDraft(id, draft);
    }

    /** HTTP DELETE (taxes have no vis_state). */
    public void delete(long id) {
        httpDelete(id);
    }
}

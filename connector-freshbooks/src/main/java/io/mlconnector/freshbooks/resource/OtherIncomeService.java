package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.OtherIncome;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.util.stream.Stream;

/**
 * Other income: {@code /accounting/account/{account_id}/other_incomes/other_incomes} (read and delete; note the list
 * key is the singular {@code other_income}).
 */
public final class OtherIncomeService extends AccountingResource<OtherIncome> {

    /**
     * Creates a {@code OtherIncomeService}.
     *
     * @param api the FreshBooks API
     */
    public OtherIncomeService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("other_incomes/other_incomes"), "other_income", "other_income",
                OtherIncome.class);
    }

    /**
     * Every other income matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching other incomes
     */
    public Stream<OtherIncome> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the other incomes matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<OtherIncome> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one other income.
     *
     * @param id the other income's id
     * @return the other income
     */
    public OtherIncome get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Marks an other income deleted ({@code vis_state} 1); FreshBooks keeps it and can restore it.
     *
     * @param id the other income's id
     * @return the other income as FreshBooks stored it
     */
    public OtherIncome delete(long id) {
        return putVisState(id, VisState.DELETED);
    }
}

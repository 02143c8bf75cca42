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

    public OtherIncomeService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("other_incomes/other_incomes"), "other_income", "other_income",
                OtherIncome.class);
    }

    public Stream<OtherIncome> list(SearchQuery query) {
        return fetchAll(query);
    }

    public Page<OtherIncome> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    public OtherIncome get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    public OtherIncome delete(long id) {
        return putVisState(id, VisState.DELETED);
    }
}

package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.ExpenseCategory;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.util.stream.Stream;

/**
 * Expense categories (read-only; create/update/delete are not supported by the API):
 * {@code /accounting/account/{account_id}/expenses/categories}.
 */
public final class ExpenseCategoryService extends AccountingResource<ExpenseCategory> {

    public ExpenseCategoryService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("expenses/categories"), "category", "categories", ExpenseCategory.class);
    }

    public Stream<ExpenseCategory> list(SearchQuery query) {
        return fetchAll(query);
    }

    public Stream<ExpenseCategory> list() {
        return list(SearchQuery.create());
    }

    public Page<ExpenseCategory> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    public ExpenseCategory get(long id) {
        return fetchOne(id, QueryParams.empty());
    }
}

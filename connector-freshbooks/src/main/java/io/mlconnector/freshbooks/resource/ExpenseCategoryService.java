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

    /**
     * Creates a {@code ExpenseCategoryService}.
     *
     * @param api the FreshBooks API
     */
    public ExpenseCategoryService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("expenses/categories"), "category", "categories", ExpenseCategory.class);
    }

    /**
     * Every expense category matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching expense categories
     */
    public Stream<ExpenseCategory> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * Every expense category.
     *
     * @return the expense categories, fetched page by page
     */
    public Stream<ExpenseCategory> list() {
        return list(SearchQuery.create());
    }

    /**
     * One page of the expense categories matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<ExpenseCategory> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one expense category.
     *
     * @param id the expense category's id
     * @return the expense category
     */
    public ExpenseCategory get(long id) {
        return fetchOne(id, QueryParams.empty());
    }
}

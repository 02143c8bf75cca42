package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Expense;
import io.mlconnector.freshbooks.model.ExpenseDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.ExpenseQuery;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/** Expenses: {@code /accounting/account/{account_id}/expenses/expenses} ({@code updated_min} is documented here). */
public final class ExpenseService extends AccountingResource<Expense> {

    public ExpenseService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("expenses/expenses"), "expense", "expenses", Expense.class);
    }

    public Stream<Expense> list(ExpenseQuery query) {
        return fetchAll(query);
    }

    public Page<Expense> page(ExpenseQuery query, int page) {
        return fetchPage(query, page);
    }

    public Expense get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /** Expenses updated since {@code since} (widened to the Eastern day before), plus deleted ones when asked. */
    public Stream<Expense> updatedSince(Instant since, boolean includeDeleted) {
        Stream<Expense> live = list(ExpenseQuery.create().updatedSince(since));
        return includeDeleted ? Stream.concat(live, list(ExpenseQuery.create().updatedSince(since).deletedOnly())) : live;
    }

    public Expense create(ExpenseDraft draft) {
        return postDraft(draft);
    }

    public Expense update(long id, ExpenseDraft draft) {
        return putDraft(id, draft);
    }

    public Expense update(long id, Map<String, ?> fields) {
        return putFields(id, fields);
    }

    public Expense delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    public Expense archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    public Expense restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}

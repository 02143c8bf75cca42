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

    /**
     * Creates a {@code ExpenseService}.
     *
     * @param api the FreshBooks API
     */
    public ExpenseService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("expenses/expenses"), "expense", "expenses", Expense.class);
    }

    /**
     * Every expense matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching expenses
     */
    public Stream<Expense> list(ExpenseQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the expenses matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Expense> page(ExpenseQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one expense.
     *
     * @param id the expense's id
     * @return the expense
     */
    public Expense get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Expenses updated since {@code since} (widened to the Eastern day before), plus deleted ones when asked.
     *
     * @param since the earliest change time to include
     * @param includeDeleted whether to include deleted records
     * @return the expenses
     */
    public Stream<Expense> updatedSince(Instant since, boolean includeDeleted) {
        Stream<Expense> live = list(ExpenseQuery.create().updatedSince(since));
        return includeDeleted ? Stream.concat(live, list(ExpenseQuery.create().updatedSince(since).deletedOnly())) : live;
    }

    /**
     * Creates an expense from the draft.
     *
     * @param draft the fields to send
     * @return the created expense, as FreshBooks stored it
     */
    public Expense create(ExpenseDraft draft) {
        return postDraft(draft);
    }

    /**
     * Updates an expense with the draft's fields.
     *
     * @param id the expense's id
     * @param draft the fields to send
     * @return the updated expense
     */
    public Expense update(long id, ExpenseDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * Updates only the given fields of an expense.
     *
     * @param id the expense's id
     * @param fields the fields to set
     * @return the updated expense
     */
    public Expense update(long id, Map<String, ?> fields) {
        return putFields(id, fields);
    }

    /**
     * Marks an expense deleted ({@code vis_state} 1); FreshBooks keeps it and can restore it.
     *
     * @param id the expense's id
     * @return the expense as FreshBooks stored it
     */
    public Expense delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    /**
     * Archives an expense ({@code vis_state} 2).
     *
     * @param id the expense's id
     * @return the archived expense
     */
    public Expense archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    /**
     * Restores a deleted or archived expense ({@code vis_state} 0).
     *
     * @param id the expense's id
     * @return the restored expense
     */
    public Expense restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}

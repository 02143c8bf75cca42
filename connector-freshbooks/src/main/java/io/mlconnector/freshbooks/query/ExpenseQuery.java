package io.mlconnector.freshbooks.query;

import java.time.LocalDate;
import java.util.Arrays;

/** Expense list query with the documented filters (category, project, client, dates, amounts, updated). */
public final class ExpenseQuery extends AccountingQuery<ExpenseQuery> {

    public static ExpenseQuery create() {
        return new ExpenseQuery();
    }

    public ExpenseQuery categoryId(long id) {
        return equalTo("categoryid", id);
    }

    public ExpenseQuery categoryIds(long... ids) {
        return in("categoryids", Arrays.stream(ids).boxed().toList());
    }

    public ExpenseQuery projectId(long id) {
        return equalTo("projectid", id);
    }

    public ExpenseQuery clientId(long id) {
        return equalTo("clientid", id);
    }

    public ExpenseQuery staffId(long id) {
        return equalTo("staffid", id);
    }

    /** {@code search[date_min]} / {@code search[date_max]} (either may be null). */
    public ExpenseQuery dateBetween(LocalDate from, LocalDate to) {
        return between("date", from, to);
    }

    @Override
    protected ExpenseQuery self() {
        return this;
    }
}

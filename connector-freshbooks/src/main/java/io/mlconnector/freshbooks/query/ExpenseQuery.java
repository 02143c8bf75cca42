package io.mlconnector.freshbooks.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/** Expense list query with the documented filters (category, project, client, dates, amounts, updated). */
public final class ExpenseQuery extends AccountingQuery<ExpenseQuery> {

    /**
     * A query with no filters.
     *
     * @return a new query
     */
    public static ExpenseQuery create() {
        return new ExpenseQuery();
    }

    /**
     * Only expenses whose category id is {@code id}.
     *
     * @param id the value to match
     * @return this query
     */
    public ExpenseQuery categoryId(long id) {
        return equalTo("categoryid", id);
    }

    /**
     * Only expenses whose category id is one of {@code ids}.
     *
     * @param ids the values to match
     * @return this query
     */
    public ExpenseQuery categoryIds(long... ids) {
        return in("categoryids", Arrays.stream(ids).boxed().toList());
    }

    /**
     * Only expenses whose project id is {@code id}.
     *
     * @param id the value to match
     * @return this query
     */
    public ExpenseQuery projectId(long id) {
        return equalTo("projectid", id);
    }

    /**
     * Only expenses whose client id is {@code id}.
     *
     * @param id the value to match
     * @return this query
     */
    public ExpenseQuery clientId(long id) {
        return equalTo("clientid", id);
    }

    /**
     * Only expenses whose staff id is {@code id}.
     *
     * @param id the value to match
     * @return this query
     */
    public ExpenseQuery staffId(long id) {
        return equalTo("staffid", id);
    }

    /**
     * {@code search[date_min]} / {@code search[date_max]} (either may be null).
     *
     * @param from the lower bound
     * @param to the upper bound
     * @return this query
     */
    public ExpenseQuery dateBetween(LocalDate from, LocalDate to) {
        return between("date", from, to);
    }

    /**
     * {@code search[amount_min]} / {@code search[amount_max]} (either may be null), documented for expenses.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this query
     */
    public ExpenseQuery amountBetween(BigDecimal min, BigDecimal max) {
        return between("amount", min == null ? null : min.toPlainString(), max == null ? null : max.toPlainString());
    }

    @Override
    protected ExpenseQuery self() {
        return this;
    }
}

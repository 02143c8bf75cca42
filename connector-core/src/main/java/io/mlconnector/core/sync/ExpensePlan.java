package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExpenseEntry;
import java.util.List;

/**
 * What a Procore commitment change order, direct cost or cost update becomes in FreshBooks, as a dry run previews
 * it: the expenses, one per expense category, at the amounts they must hold after this run (a zero amount reverses an
 * earlier one). Nothing else is written: a FreshBooks project's budget is hours, never money.
 *
 * @param expenses expenses at their new amounts ({@code ref} set for existing ones)
 */
public record ExpensePlan(List<ExpenseEntry> expenses) {
    /**
     * Checks the components.
     *
     * @param expenses expenses at their new amounts ({@code ref} set for existing ones)
     */
    public ExpensePlan {
        expenses = List.copyOf(expenses);
    }
}

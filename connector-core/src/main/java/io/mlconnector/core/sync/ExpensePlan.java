package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import java.util.List;

/**
 * What a Procore change order or cost update becomes in FreshBooks: the expenses (one per expense category, at the
 * amounts they must hold after this run; a zero amount reverses an earlier one) and the budget change.
 *
 * @param expenses      expenses at their new amounts ({@code ref} set for existing ones)
 * @param budgetProject the FreshBooks project whose budget moves, or null when none does
 * @param budgetDelta   how much the budget moves (may be negative or zero), or null when none does
 */
public record ExpensePlan(List<ExpenseEntry> expenses, ExternalRef budgetProject, Money budgetDelta) {
    public ExpensePlan {
        expenses = List.copyOf(expenses);
    }
}

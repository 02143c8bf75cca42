package io.mlconnector.core.model;

import java.util.Objects;

/**
 * The budget of one cost code of a project in the project system, for the month-end reconciliation: what was
 * budgeted at the start, what approved budget changes moved, and the result. Nothing of it is written to the
 * accounting system.
 *
 * @param costCode        the cost code (its full code, e.g. {@code 03-300})
 * @param costType        the cost type code, may be null when the budget is per cost code only
 * @param original        the original budget
 * @param approvedChanges the sum of approved budget changes (adjustments) on this cost code
 * @param revised         original plus approved changes
 */
public record CostCodeBudget(String costCode, String costType, Money original, Money approvedChanges,
                             Money revised) {
    /**
     * Checks the components.
     *
     * @param costCode the cost code (its full code, e.g. {@code 03-300})
     * @param costType the cost type code, may be null when the budget is per cost code only
     * @param original the original budget
     * @param approvedChanges the sum of approved budget changes (adjustments) on this cost code
     * @param revised original plus approved changes
     */
    public CostCodeBudget {
        Objects.requireNonNull(costCode, "costCode");
        Objects.requireNonNull(revised, "revised");
    }
}

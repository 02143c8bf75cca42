package io.mlconnector.core.model;

/** The kinds of project-cost change that flow back to the accounting system. */
public enum CostUpdateKind {
    /** A direct cost entered in the project system. */
    DIRECT_COST,
    /** A budget change / modification. */
    BUDGET_CHANGE
}

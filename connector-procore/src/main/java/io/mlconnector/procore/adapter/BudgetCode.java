package io.mlconnector.procore.adapter;

/**
 * A budget (WBS) code read as the two parts the neutral model uses.
 *
 * @param costCode the cost code segment (its full code, which may itself contain the WBS delimiter)
 * @param costType the cost type segment, null when the code has none
 */
record BudgetCode(String costCode, String costType) {
}

package io.mlconnector.testkit.freshbooks;

/**
 * An expense category (an account of the FreshBooks chart; what bill lines and expenses reference).
 *
 * @param id       category id ({@code categoryid})
 * @param name     category name
 * @param parentId parent category or null
 * @param visState 0 active
 */
public record ExpenseCategory(long id, String name, Long parentId, int visState) {
}

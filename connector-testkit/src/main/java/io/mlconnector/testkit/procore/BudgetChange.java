package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A budget change of a project (the successor of budget modifications).
 *
 * @param id        budget change id
 * @param projectId project
 * @param number    number, as text
 * @param title     title
 * @param status    {@code draft}, {@code under_review}, {@code approved} or {@code void}
 * @param json      the full object with its {@code adjustment_line_items}
 */
public record BudgetChange(long id, long projectId, String number, String title, String status, JsonNode json) {
}

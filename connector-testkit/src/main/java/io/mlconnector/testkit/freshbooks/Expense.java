package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An expense.
 *
 * @param id         expense id ({@code expenseid})
 * @param categoryId expense category
 * @param projectId  project id, 0 when none
 * @param clientId   client id, 0 when none
 * @param amount     amount
 * @param currency   currency code
 * @param date       expense date
 * @param vendor     free-text vendor, may be null
 * @param notes      notes, may be null
 * @param visState   0 active, 1 deleted, 2 archived
 * @param updated    Eastern naive {@code updated} stamp
 * @param json       the full object
 */
public record Expense(long id, long categoryId, long projectId, long clientId, BigDecimal amount, String currency,
                      LocalDate date, String vendor, String notes, int visState, String updated, JsonNode json) {
}

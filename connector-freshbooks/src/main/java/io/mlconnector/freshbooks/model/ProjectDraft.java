package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Fields to create or update a project (business namespace, bare {@code project} wrapper); nulls are not sent.
 *
 * <p>{@code budget} is a whole number of hours (api/freshbooks.md §2.12: the docs type it int and budgets "are
 * completely time-based"), so it is an {@link Integer} here and money can never be written into it. What the client is
 * charged on a flat-rate project is {@code fixed_price} (sent as a string, like the API returns it).
 *
 * @param title         project title
 * @param description   description
 * @param clientId      client ({@code client_id}), null for an internal project
 * @param internal      internal flag
 * @param projectType   {@code fixed_price} or {@code hourly_rate}
 * @param billingMethod {@code project_rate}, {@code service_rate}, {@code team_member_rate} or {@code business_rate}
 * @param fixedPrice    the flat price of a fixed-price project
 * @param rate          the hourly rate
 * @param budgetHours   the time budget in hours
 * @param dueDate       due date
 * @param active        active flag
 * @param complete      complete flag
 */
public record ProjectDraft(
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("client_id") Long clientId,
        @JsonProperty("internal") Boolean internal,
        @JsonProperty("project_type") String projectType,
        @JsonProperty("billing_method") String billingMethod,
        @JsonProperty("fixed_price") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fixedPrice,
        @JsonProperty("rate") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
        @JsonProperty("budget") Integer budgetHours,
        @JsonProperty("due_date") LocalDate dueDate,
        @JsonProperty("active") Boolean active,
        @JsonProperty("complete") Boolean complete) {

    /**
     * Checks the components.
     *
     * @param title project title
     * @param description description
     * @param clientId client ({@code client_id}), null for an internal project
     * @param internal internal flag
     * @param projectType {@code fixed_price} or {@code hourly_rate}
     * @param billingMethod {@code project_rate}, {@code service_rate}, {@code team_member_rate} or {@code
     *     business_rate}
     * @param fixedPrice the flat price of a fixed-price project
     * @param rate the hourly rate
     * @param budgetHours the time budget in hours
     * @param dueDate due date
     * @param active active flag
     * @param complete complete flag
     */
    public ProjectDraft {
        if (budgetHours != null && budgetHours < 0) {
            throw new IllegalArgumentException("a budget is a number of hours, not negative: " + budgetHours);
        }
        if (fixedPrice != null && fixedPrice.signum() < 0) {
            throw new IllegalArgumentException("a fixed price cannot be negative: " + fixedPrice);
        }
    }

    /**
     * A new project with a title and project type ({@code fixed_price} or {@code hourly_rate}).
     *
     * @param title project title
     * @param projectType {@code fixed_price} or {@code hourly_rate}
     * @return the {@code ProjectDraft}
     */
    public static ProjectDraft of(String title, String projectType) {
        return new ProjectDraft(title, null, null, null, projectType, null, null, null, null, null, null, null);
    }

    /**
     * An update that changes only the time budget (whole hours).
     *
     * @param hours the hours
     * @return an update that changes only the time budget (whole hours)
     */
    public static ProjectDraft budgetHoursOnly(int hours) {
        return new ProjectDraft(null, null, null, null, null, null, null, null, hours, null, null, null);
    }

    /**
     * An update that changes only the fixed price ({@code {"project":{"fixed_price":"…"}}}).
     *
     * @param fixedPrice the flat price of a fixed-price project
     * @return an update that changes only the fixed price ({@code {"project":{"fixed_price":"…"}}})
     */
    public static ProjectDraft fixedPriceOnly(BigDecimal fixedPrice) {
        if (fixedPrice == null) {
            throw new IllegalArgumentException("fixedPrice is required");
        }
        return new ProjectDraft(null, null, null, null, null, null, fixedPrice, null, null, null, null, null);
    }
}

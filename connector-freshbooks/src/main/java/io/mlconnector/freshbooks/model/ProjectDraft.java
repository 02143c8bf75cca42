package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Fields to create or update a project (business namespace, bare {@code project} wrapper); nulls are not sent. */
public record ProjectDraft(
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("client_id") Long clientId,
        @JsonProperty("internal") Boolean internal,
        @JsonProperty("project_type") String projectType,
        @JsonProperty("billing_method") String billingMethod,
        @JsonProperty("fixed_price") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fixedPrice,
        @JsonProperty("rate") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
        @JsonProperty("budget") BigDecimal budget,
        @JsonProperty("due_date") LocalDate dueDate,
        @JsonProperty("active") Boolean active,
        @JsonProperty("complete") Boolean complete) {

    /** A new project with a title and project type ({@code fixed_price} or {@code hourly_rate}). */
    public static ProjectDraft of(String title, String projectType) {
        return new ProjectDraft(title, null, null, null, projectType, null, null, null, null, null, null, null);
    }

    /** An update that changes only the budget. */
    public static ProjectDraft budgetOnly(BigDecimal budget) {
        return new ProjectDraft(null, null, null, null, null, null, null, null, budget, null, null, null);
    }
}

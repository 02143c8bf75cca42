package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.json.LenientDateDeserializer;
import io.mlconnector.freshbooks.json.UtcTimestampDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project ({@code /projects/business/{business_id}/project[s]}, bare {@code project} envelope). {@code budget}
 * arrives as a number or a string; timestamps are UTC, sometimes without {@code Z}, and an unparseable stamp reads
 * as null rather than failing the record.
 */
public record Project(
        @JsonProperty("id") long id,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("client_id") Long clientId,
        @JsonProperty("internal") Boolean internal,
        @JsonProperty("project_type") String projectType,
        @JsonProperty("billing_method") String billingMethod,
        @JsonProperty("fixed_price") BigDecimal fixedPrice,
        @JsonProperty("rate") BigDecimal rate,
        @JsonProperty("budget") BigDecimal budget,
        @JsonProperty("due_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate dueDate,
        @JsonProperty("active") Boolean active,
        @JsonProperty("complete") Boolean complete,
        @JsonProperty("sample") Boolean sample,
        @JsonProperty("project_manager_id") Long projectManagerId,
        @JsonProperty("billed_amount") BigDecimal billedAmount,
        @JsonProperty("billed_status") String billedStatus,
        @JsonProperty("logged_duration") Long loggedDuration,
        @JsonProperty("expense_markup") BigDecimal expenseMarkup,
        @JsonProperty("retainer_id") Long retainerId,
        @JsonProperty("group_id") @JsonAlias("groupId") Long groupId,
        @JsonProperty("group") ProjectGroup group,
        @JsonProperty("services") List<BusinessService> services,
        @JsonProperty("created_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant updatedAt) {

    public Project {
        services = services == null ? List.of() : List.copyOf(services);
    }
}

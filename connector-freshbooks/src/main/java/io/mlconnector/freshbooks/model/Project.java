package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project ({@code /projects/business/{business_id}/project[s]}, bare {@code project} envelope). Timestamps are UTC,
 * sometimes without {@code Z}, and an unparseable stamp reads as null rather than failing the record.
 *
 * <p>Pricing (api/freshbooks.md §2.12): {@code project_type} is {@code fixed_price} or {@code hourly_rate};
 * {@code fixed_price} is what the client is charged on a fixed-price project (a string such as {@code "600.00"});
 * {@code billing_method} says which rate hourly work uses ({@code project_rate}, {@code service_rate},
 * {@code team_member_rate}, {@code business_rate}). {@code budget} is a TIME budget in hours (an int in the docs,
 * {@code "50.00"} in a node SDK fixture, hence the decimal type): it is never money.
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

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param title project title
     * @param description the description
     * @param clientId the OAuth client id
     * @param internal internal flag
     * @param projectType {@code fixed_price} or {@code hourly_rate}
     * @param billingMethod {@code project_rate}, {@code service_rate}, {@code team_member_rate} or {@code
     *     business_rate}
     * @param fixedPrice the flat price of a fixed-price project
     * @param rate the hourly rate
     * @param budget the budget
     * @param dueDate due date
     * @param active active flag
     * @param complete complete flag
     * @param sample the sample boolean
     * @param projectManagerId the project manager id
     * @param billedAmount the billed amount
     * @param billedStatus the billed status
     * @param loggedDuration the logged duration
     * @param expenseMarkup the expense markup
     * @param retainerId the retainer id
     * @param groupId the group id
     * @param group the project group
     * @param services the services
     * @param createdAt the created at
     * @param updatedAt the updated at
     */
    public Project {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /**
     * Whether the client is charged a fixed price ({@code project_type} or {@code billing_method} is fixed_price).
     *
     * @return whether the client is charged a fixed price ({@code project_type} or {@code billing_method} is
     *     fixed_price)
     */
    public boolean isFixedPrice() {
        return "fixed_price".equals(projectType) || "fixed_price".equals(billingMethod);
    }
}

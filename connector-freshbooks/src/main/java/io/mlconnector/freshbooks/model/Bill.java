package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A vendor bill ({@code /accounting/account/{account_id}/bills/bills}). {@code amount} is the subtotal before tax;
 * {@code status} is a string ({@code unpaid}, {@code overdue}, {@code partial}, {@code paid}). Bill timestamps are
 * UTC (python SDK {@code ACCOUNTING_UTC_DATE_FIELDS}, node {@code Bills.ts}). {@code vendor} is present with
 * {@code include[]=vendor}.
 */
public record Bill(
        @JsonProperty("id") long id,
        @JsonProperty("vendorid") Long vendorId,
        @JsonProperty("bill_number") String billNumber,
        @JsonProperty("issue_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate issueDate,
        @JsonProperty("due_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate dueDate,
        @JsonProperty("due_offset_days") Integer dueOffsetDays,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("language") String language,
        @JsonProperty("amount") Money amount,
        @JsonProperty("tax_amount") Money taxAmount,
        @JsonProperty("total_amount") Money totalAmount,
        @JsonProperty("outstanding") Money outstanding,
        @JsonProperty("paid") Money paid,
        @JsonProperty("status") String status,
        @JsonProperty("overall_category") String overallCategory,
        @JsonProperty("overall_description") String overallDescription,
        @JsonProperty("lines") List<BillLine> lines,
        @JsonProperty("bill_payments") List<BillPayment> billPayments,
        @JsonProperty("vendor") BillVendor vendor,
        @JsonProperty("created_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant updatedAt,
        @JsonProperty("vis_state") VisState visState) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param vendorId the vendor id
     * @param billNumber the bill number
     * @param issueDate the issue date
     * @param dueDate due date
     * @param dueOffsetDays the due offset days
     * @param currencyCode the ISO 4217 currency code
     * @param language the language
     * @param amount the amount
     * @param taxAmount the tax amount
     * @param totalAmount the total amount
     * @param outstanding the outstanding money
     * @param paid the paid money
     * @param status the status
     * @param overallCategory the overall category
     * @param overallDescription the overall description
     * @param lines the lines
     * @param billPayments the bill payments
     * @param vendor the bill vendor
     * @param createdAt the created at
     * @param updatedAt the updated at
     * @param visState the vis state
     */
    public Bill {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * Whether the bill is deleted.
     *
     * @return whether the bill is deleted
     */
    public boolean isDeleted() {
        return visState == VisState.DELETED;
    }

    /**
     * Whether the response carried a {@code bill_payments} array (null when the key was absent).
     *
     * @return whether the response carried a {@code bill_payments} array (null when the key was absent)
     */
    public boolean hasEmbeddedPayments() {
        return billPayments != null;
    }
}

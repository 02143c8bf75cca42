package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An expense ({@code /accounting/account/{account_id}/expenses/expenses}). {@code vendor} is free text (not a bill
 * vendor id); {@code taxAmount1/2} are money on expenses. {@code category} is present with {@code include[]=category}.
 */
public record Expense(
        @JsonProperty("id") @JsonAlias("expenseid") long id,
        @JsonProperty("amount") Money amount,
        @JsonProperty("categoryid") Long categoryId,
        @JsonProperty("category") ExpenseCategory category,
        @JsonProperty("staffid") Long staffId,
        @JsonProperty("clientid") Long clientId,
        @JsonProperty("projectid") Long projectId,
        @JsonProperty("modern_projectid") Long modernProjectId,
        @JsonProperty("invoiceid") Long invoiceId,
        @JsonProperty("date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate date,
        @JsonProperty("vendor") String vendor,
        @JsonProperty("notes") String notes,
        @JsonProperty("taxName1") String taxName1,
        @JsonProperty("taxPercent1") BigDecimal taxPercent1,
        @JsonProperty("taxAmount1") Money taxAmount1,
        @JsonProperty("taxName2") String taxName2,
        @JsonProperty("taxPercent2") BigDecimal taxPercent2,
        @JsonProperty("taxAmount2") Money taxAmount2,
        @JsonProperty("markup_percent") BigDecimal markupPercent,
        @JsonProperty("status") Integer status,
        @JsonProperty("has_receipt") Boolean hasReceipt,
        @JsonProperty("bank_name") String bankName,
        @JsonProperty("accountid") String accountId,
        @JsonProperty("transactionid") String transactionId,
        @JsonProperty("is_cogs") Boolean isCogs,
        @JsonProperty("isduplicate") Boolean isDuplicate,
        @JsonProperty("profileid") Long profileId,
        @JsonProperty("attachment") Attachment attachment,
        @JsonProperty("updated") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updated,
        @JsonProperty("vis_state") VisState visState) {
}

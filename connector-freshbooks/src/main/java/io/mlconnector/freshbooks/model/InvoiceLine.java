package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One invoice line. Note {@code taxAmount1/2} are tax <em>percentages</em> on invoice lines (not money), and
 * {@code qty} arrives as a string. {@code modernProjectId} links the line to a business-namespace project.
 */
public record InvoiceLine(
        @JsonProperty("lineid") Long lineId,
        @JsonProperty("invoiceid") Long invoiceId,
        @JsonProperty("type") Integer type,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("qty") BigDecimal quantity,
        @JsonProperty("unit_cost") Money unitCost,
        @JsonProperty("amount") Money amount,
        @JsonProperty("taxName1") String taxName1,
        @JsonProperty("taxAmount1") BigDecimal taxPercent1,
        @JsonProperty("taxNumber1") String taxNumber1,
        @JsonProperty("taxName2") String taxName2,
        @JsonProperty("taxAmount2") BigDecimal taxPercent2,
        @JsonProperty("taxNumber2") String taxNumber2,
        @JsonProperty("compounded_tax") Boolean compoundedTax,
        @JsonProperty("expenseid") Long expenseId,
        @JsonProperty("itemid") Long itemId,
        @JsonProperty("modern_project_id") Long modernProjectId,
        @JsonProperty("retainer_id") Long retainerId,
        @JsonProperty("date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate date,
        @JsonProperty("updated") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updated) {
}

package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import java.math.BigDecimal;

/**
 * One bill line. {@code categoryId} is the expense category (the line's account). {@code category} arrives as a
 * plain name in one SDK's fixture and as an embedded category object in FreshBooks' Postman answer; both read.
 */
public record BillLine(
        @JsonProperty("id") Long id,
        @JsonProperty("list_index") Integer listIndex,
        @JsonProperty("categoryid") Long categoryId,
        @JsonProperty("category") @JsonDeserialize(using = CategoryRefDeserializer.class) CategoryRef category,
        @JsonProperty("description") String description,
        @JsonProperty("quantity") BigDecimal quantity,
        @JsonProperty("unit_cost") Money unitCost,
        @JsonProperty("amount") Money amount,
        @JsonProperty("total_amount") Money totalAmount,
        @JsonProperty("tax_name1") String taxName1,
        @JsonProperty("tax_percent1") BigDecimal taxPercent1,
        @JsonProperty("tax_amount1") Money taxAmount1,
        @JsonProperty("tax_authorityid1") String taxAuthorityId1,
        @JsonProperty("tax_name2") String taxName2,
        @JsonProperty("tax_percent2") BigDecimal taxPercent2,
        @JsonProperty("tax_amount2") Money taxAmount2,
        @JsonProperty("tax_authorityid2") String taxAuthorityId2) {
}

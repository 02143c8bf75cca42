package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Online payment options of an invoice ({@code /payments/account/{account_id}/invoice/{id}/payment_options}). */
public record PaymentOptions(
        @JsonProperty("gateway_name") String gatewayName,
        @JsonProperty("has_credit_card") Boolean hasCreditCard,
        @JsonProperty("has_ach_transfer") Boolean hasAchTransfer,
        @JsonProperty("has_bacs_debit") Boolean hasBacsDebit,
        @JsonProperty("has_sepa_debit") Boolean hasSepaDebit,
        @JsonProperty("has_acss_debit") Boolean hasAcssDebit,
        @JsonProperty("has_paypal_smart_checkout") Boolean hasPaypalSmartCheckout,
        @JsonProperty("allow_partial_payments") Boolean allowPartialPayments,
        @JsonProperty("entity_type") String entityType,
        @JsonProperty("entity_id") String entityId,
        @JsonProperty("gateway_info") GatewayInfo gatewayInfo) {

    /** The payment gateway behind the options. */
    public record GatewayInfo(
            @JsonProperty("id") String id,
            @JsonProperty("account_id") String accountId,
            @JsonProperty("country") String country,
            @JsonProperty("currencies") List<String> currencies,
            @JsonProperty("bank_transfer_enabled") Boolean bankTransferEnabled,
            @JsonProperty("gateway_name") String gatewayName,
            @JsonProperty("can_process_payments") Boolean canProcessPayments) {
    }
}

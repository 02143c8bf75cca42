package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A FreshBooks invoice ({@code /accounting/account/{account_id}/invoices/invoices}). Lines are present only when
 * requested with {@code include[]=lines}. {@code status} is numeric (1 draft, 2 sent, 4 paid, 8 partial…).
 */
public record Invoice(
        @JsonProperty("id") @JsonAlias("invoiceid") long id,
        @JsonProperty("invoice_number") String invoiceNumber,
        @JsonProperty("accountid") String accountId,
        @JsonProperty("customerid") Long customerId,
        @JsonProperty("organization") String organization,
        @JsonProperty("fname") String firstName,
        @JsonProperty("lname") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("create_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate createDate,
        @JsonProperty("due_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate dueDate,
        @JsonProperty("due_offset_days") Integer dueOffsetDays,
        @JsonProperty("date_paid") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate datePaid,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("amount") Money amount,
        @JsonProperty("outstanding") Money outstanding,
        @JsonProperty("paid") Money paid,
        @JsonProperty("net_paid_amount") Money netPaidAmount,
        @JsonProperty("discount_value") String discountValue,
        @JsonProperty("discount_total") Money discountTotal,
        @JsonProperty("deposit_amount") Money depositAmount,
        @JsonProperty("status") Integer status,
        @JsonProperty("v3_status") String v3Status,
        @JsonProperty("display_status") String displayStatus,
        @JsonProperty("payment_status") String paymentStatus,
        @JsonProperty("description") String description,
        @JsonProperty("notes") String notes,
        @JsonProperty("terms") String terms,
        @JsonProperty("po_number") String poNumber,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("created_at") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("updated") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updated,
        @JsonProperty("version") String version,
        @JsonProperty("vis_state") VisState visState,
        @JsonProperty("lines") List<InvoiceLine> lines) {

    /**
     * Copies the lines (none when absent).
     *
     * @param id {@code id}
     * @param invoiceNumber {@code invoice_number}
     * @param accountId {@code accountid}
     * @param customerId {@code customerid}
     * @param organization {@code organization}
     * @param firstName {@code fname}
     * @param lastName {@code lname}
     * @param email {@code email}
     * @param createDate {@code create_date}
     * @param dueDate {@code due_date}
     * @param dueOffsetDays {@code due_offset_days}
     * @param datePaid {@code date_paid}
     * @param currencyCode {@code currency_code}
     * @param amount {@code amount}
     * @param outstanding {@code outstanding}
     * @param paid {@code paid}
     * @param netPaidAmount {@code net_paid_amount}
     * @param discountValue {@code discount_value}
     * @param discountTotal {@code discount_total}
     * @param depositAmount {@code deposit_amount}
     * @param status {@code status}
     * @param v3Status {@code v3_status}
     * @param displayStatus {@code display_status}
     * @param paymentStatus {@code payment_status}
     * @param description {@code description}
     * @param notes {@code notes}
     * @param terms {@code terms}
     * @param poNumber {@code po_number}
     * @param uuid {@code uuid}
     * @param createdAt {@code created_at}
     * @param updated {@code updated}
     * @param version {@code version}
     * @param visState {@code vis_state}
     * @param lines {@code lines}
     */
    public Invoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * Whether the invoice is deleted ({@code vis_state} 1).
     *
     * @return whether the invoice is deleted ({@code vis_state} 1)
     */
    public boolean isDeleted() {
        return visState == VisState.DELETED;
    }
}

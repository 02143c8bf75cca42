package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlconnector.core.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields to create or update an invoice. Null fields are not sent (PUT updates only the keys given). It has no
 * {@code vis_state}: delete/archive/restore are separate calls. Sending {@code lines} on update replaces the set
 * (UNCONFIRMED; send the full set).
 */
public record InvoiceDraft(
        @JsonProperty("customerid") Long customerId,
        @JsonProperty("create_date") LocalDate createDate,
        @JsonProperty("due_offset_days") Integer dueOffsetDays,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("invoice_number") String invoiceNumber,
        @JsonProperty("po_number") String poNumber,
        @JsonProperty("notes") String notes,
        @JsonProperty("terms") String terms,
        @JsonProperty("discount_value") BigDecimal discountValue,
        @JsonProperty("lines") List<Line> lines) {

    /**
     * Checks the components.
     *
     * @param customerId the customer id
     * @param createDate the create date
     * @param dueOffsetDays the due offset days
     * @param currencyCode the ISO 4217 currency code
     * @param invoiceNumber the invoice number
     * @param poNumber the po number
     * @param notes the notes
     * @param terms the terms
     * @param discountValue the discount value
     * @param lines the lines
     */
    public InvoiceDraft {
        lines = lines == null ? null : List.copyOf(lines);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One invoice line to send. {@code taxPercent1/2} travel as {@code taxAmount1/2} (a percentage on invoice lines).
     */
    public record Line(
            @JsonProperty("type") Integer type,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("qty") BigDecimal quantity,
            @JsonProperty("unit_cost") Money unitCost,
            @JsonProperty("taxName1") String taxName1,
            @JsonProperty("taxAmount1") BigDecimal taxPercent1,
            @JsonProperty("taxName2") String taxName2,
            @JsonProperty("taxAmount2") BigDecimal taxPercent2) {

        /**
         * A normal (type 0) line without taxes.
         *
         * @param name the name
         * @param description the description
         * @param quantity the quantity
         * @param unitCost the unit cost
         * @return the {@code Line}
         */
        public static Line of(String name, String description, BigDecimal quantity, Money unitCost) {
            return new Line(0, name, description, quantity, unitCost, null, null, null, null);
        }
    }

    /** Builder for {@link InvoiceDraft}. */
    public static final class Builder {
        private Long customerId;
        private LocalDate createDate;
        private Integer dueOffsetDays;
        private String currencyCode;
        private String invoiceNumber;
        private String poNumber;
        private String notes;
        private String terms;
        private BigDecimal discountValue;
        private List<Line> lines;

        /**
         * Sets the customer id.
         *
         * @param v the customer id
         * @return this builder
         */
        public Builder customerId(long v) {
            customerId = v;
            return this;
        }

        /**
         * Sets the create date.
         *
         * @param v the create date
         * @return this builder
         */
        public Builder createDate(LocalDate v) {
            createDate = v;
            return this;
        }

        /**
         * Sets the due offset days.
         *
         * @param v the due offset days
         * @return this builder
         */
        public Builder dueOffsetDays(int v) {
            dueOffsetDays = v;
            return this;
        }

        /**
         * Sets the currency code.
         *
         * @param v the currency code
         * @return this builder
         */
        public Builder currencyCode(String v) {
            currencyCode = v;
            return this;
        }

        /**
         * Sets the invoice number.
         *
         * @param v the invoice number
         * @return this builder
         */
        public Builder invoiceNumber(String v) {
            invoiceNumber = v;
            return this;
        }

        /**
         * Sets the po number.
         *
         * @param v the po number
         * @return this builder
         */
        public Builder poNumber(String v) {
            poNumber = v;
            return this;
        }

        /**
         * Sets the notes.
         *
         * @param v the notes
         * @return this builder
         */
        public Builder notes(String v) {
            notes = v;
            return this;
        }

        /**
         * Sets the terms.
         *
         * @param v the terms
         * @return this builder
         */
        public Builder terms(String v) {
            terms = v;
            return this;
        }

        /**
         * Sets the discount percent.
         *
         * @param v the discount percent
         * @return this builder
         */
        public Builder discountPercent(BigDecimal v) {
            discountValue = v;
            return this;
        }

        /**
         * Sets the line.
         *
         * @param v the line
         * @return this builder
         */
        public Builder line(Line v) {
            if (lines == null) {
                lines = new ArrayList<>();
            }
            lines.add(v);
            return this;
        }

        /**
         * Builds the {@code InvoiceDraft} from the settings given so far.
         *
         * @return the new {@code InvoiceDraft}
         */
        public InvoiceDraft build() {
            return new InvoiceDraft(customerId, createDate, dueOffsetDays, currencyCode, invoiceNumber, poNumber, notes,
                    terms, discountValue, lines);
        }
    }
}

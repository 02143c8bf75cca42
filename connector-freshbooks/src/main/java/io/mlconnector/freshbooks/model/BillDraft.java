package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlconnector.core.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fields to create or update a bill; null fields are not sent, and it never carries {@code vis_state}. */
public record BillDraft(
        @JsonProperty("vendorid") Long vendorId,
        @JsonProperty("bill_number") String billNumber,
        @JsonProperty("issue_date") LocalDate issueDate,
        @JsonProperty("due_offset_days") Integer dueOffsetDays,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("language") String language,
        @JsonProperty("lines") List<Line> lines) {

    /**
     * Checks the components.
     *
     * @param vendorId the vendor id
     * @param billNumber the bill number
     * @param issueDate the issue date
     * @param dueOffsetDays the due offset days
     * @param currencyCode the ISO 4217 currency code
     * @param language the language
     * @param lines the lines
     */
    public BillDraft {
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

    /** One bill line to send: category (account), description, quantity, unit cost and optional taxes. */
    public record Line(
            @JsonProperty("categoryid") Long categoryId,
            @JsonProperty("description") String description,
            @JsonProperty("quantity") BigDecimal quantity,
            @JsonProperty("unit_cost") Money unitCost,
            @JsonProperty("tax_name1") String taxName1,
            @JsonProperty("tax_percent1") BigDecimal taxPercent1,
            @JsonProperty("tax_name2") String taxName2,
            @JsonProperty("tax_percent2") BigDecimal taxPercent2) {

        /**
         * A line without taxes.
         *
         * @param categoryId the category id
         * @param description the description
         * @param quantity the quantity
         * @param unitCost the unit cost
         * @return the {@code Line}
         */
        public static Line of(long categoryId, String description, BigDecimal quantity, Money unitCost) {
            return new Line(categoryId, description, quantity, unitCost, null, null, null, null);
        }
    }

    /** Builder for {@link BillDraft}. */
    public static final class Builder {
        private Long vendorId;
        private String billNumber;
        private LocalDate issueDate;
        private Integer dueOffsetDays;
        private String currencyCode;
        private String language;
        private List<Line> lines;

        /**
         * Sets the vendor id.
         *
         * @param v the vendor id
         * @return this builder
         */
        public Builder vendorId(long v) {
            vendorId = v;
            return this;
        }

        /**
         * Sets the bill number.
         *
         * @param v the bill number
         * @return this builder
         */
        public Builder billNumber(String v) {
            billNumber = v;
            return this;
        }

        /**
         * Sets the issue date.
         *
         * @param v the issue date
         * @return this builder
         */
        public Builder issueDate(LocalDate v) {
            issueDate = v;
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
         * Sets the language.
         *
         * @param v the language
         * @return this builder
         */
        public Builder language(String v) {
            language = v;
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
         * Builds the {@code BillDraft} from the settings given so far.
         *
         * @return the new {@code BillDraft}
         */
        public BillDraft build() {
            return new BillDraft(vendorId, billNumber, issueDate, dueOffsetDays, currencyCode, language, lines);
        }
    }
}

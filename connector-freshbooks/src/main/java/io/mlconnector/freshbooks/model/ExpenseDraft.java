package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlconnector.core.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Fields to create or update an expense; null fields are not sent, never {@code vis_state}. The documented minimal
 * create is amount, category, staff and date.
 */
public record ExpenseDraft(
        @JsonProperty("amount") Money amount,
        @JsonProperty("categoryid") Long categoryId,
        @JsonProperty("staffid") Long staffId,
        @JsonProperty("date") LocalDate date,
        @JsonProperty("vendor") String vendor,
        @JsonProperty("notes") String notes,
        @JsonProperty("clientid") Long clientId,
        @JsonProperty("projectid") Long projectId,
        @JsonProperty("taxName1") String taxName1,
        @JsonProperty("taxPercent1") BigDecimal taxPercent1,
        @JsonProperty("taxName2") String taxName2,
        @JsonProperty("taxPercent2") BigDecimal taxPercent2,
        @JsonProperty("markup_percent") BigDecimal markupPercent) {

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link ExpenseDraft}. */
    public static final class Builder {
        private Money amount;
        private Long categoryId;
        private Long staffId;
        private LocalDate date;
        private String vendor;
        private String notes;
        private Long clientId;
        private Long projectId;
        private String taxName1;
        private BigDecimal taxPercent1;
        private String taxName2;
        private BigDecimal taxPercent2;
        private BigDecimal markupPercent;

        /**
         * Sets the amount.
         *
         * @param v the amount
         * @return this builder
         */
        public Builder amount(Money v) {
            amount = v;
            return this;
        }

        /**
         * Sets the category id.
         *
         * @param v the category id
         * @return this builder
         */
        public Builder categoryId(long v) {
            categoryId = v;
            return this;
        }

        /**
         * Sets the staff id.
         *
         * @param v the staff id
         * @return this builder
         */
        public Builder staffId(long v) {
            staffId = v;
            return this;
        }

        /**
         * Sets the date.
         *
         * @param v the date
         * @return this builder
         */
        public Builder date(LocalDate v) {
            date = v;
            return this;
        }

        /**
         * Sets the vendor.
         *
         * @param v the vendor
         * @return this builder
         */
        public Builder vendor(String v) {
            vendor = v;
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
         * Sets the client id.
         *
         * @param v the client id
         * @return this builder
         */
        public Builder clientId(Long v) {
            clientId = v;
            return this;
        }

        /**
         * Sets the project id.
         *
         * @param v the project id
         * @return this builder
         */
        public Builder projectId(Long v) {
            projectId = v;
            return this;
        }

        /**
         * The first tax on the expense.
         *
         * @param name the tax name
         * @param percent the tax rate in percent
         * @return this builder
         */
        public Builder tax1(String name, BigDecimal percent) {
            taxName1 = name;
            taxPercent1 = percent;
            return this;
        }

        /**
         * The second tax on the expense.
         *
         * @param name the tax name
         * @param percent the tax rate in percent
         * @return this builder
         */
        public Builder tax2(String name, BigDecimal percent) {
            taxName2 = name;
            taxPercent2 = percent;
            return this;
        }

        /**
         * Sets the markup percent.
         *
         * @param v the markup percent
         * @return this builder
         */
        public Builder markupPercent(BigDecimal v) {
            markupPercent = v;
            return this;
        }

        /**
         * Builds the {@code ExpenseDraft} from the settings given so far.
         *
         * @return the new {@code ExpenseDraft}
         */
        public ExpenseDraft build() {
            return new ExpenseDraft(amount, categoryId, staffId, date, vendor, notes, clientId, projectId, taxName1,
                    taxPercent1, taxName2, taxPercent2, markupPercent);
        }
    }
}
